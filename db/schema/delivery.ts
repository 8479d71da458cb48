import { bigint, date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { deliverySource } from "./enums";
import { lineItems } from "./orders";

export const deliveryDaily = pgTable(
  "delivery_daily",
  {
    lineItemId: integer()
      .notNull()
      .references(() => lineItems.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    source: deliverySource().notNull(),
    impressions: bigint({ mode: "number" }).notNull().default(0),
    clicks: bigint({ mode: "number" }).notNull().default(0),
    conversions: bigint({ mode: "number" }).notNull().default(0),
    uniques: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lineItemId, t.day, t.source] }), index().on(t.day)],
);

/** Hits for line items that were not serving: shown to the publisher, never counted as delivery. */
export const uncountedHits = pgTable(
  "uncounted_hits",
  {
    lineItemId: integer()
      .notNull()
      .references(() => lineItems.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    impressions: bigint({ mode: "number" }).notNull().default(0),
    clicks: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lineItemId, t.day, t.reason] })],
);
