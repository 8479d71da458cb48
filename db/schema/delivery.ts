import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { creatives } from "./creatives";
import { deliverySource } from "./enums";
import { adZones } from "./inventory";
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

/**
 * Which creative a newsletter open showed: the zone and the open id the publisher's mailing
 * tool writes into both the image and the link (`o=`). The click beside the image reads it,
 * so it reaches the same ad on any instance and after a restart. Kept a day.
 */
export const newsletterOpens = pgTable(
  "newsletter_opens",
  {
    zoneId: integer()
      .notNull()
      .references(() => adZones.id, { onDelete: "cascade" }),
    openId: varchar({ length: 128 }).notNull(),
    lineItemId: integer()
      .notNull()
      .references(() => lineItems.id, { onDelete: "cascade" }),
    creativeId: integer()
      .notNull()
      .references(() => creatives.id, { onDelete: "cascade" }),
    openedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.openId] }), index().on(t.openedAt)],
);
