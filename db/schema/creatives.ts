import { bigint, index, integer, pgTable, primaryKey, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { advertisers } from "./advertisers";
import { creativeKind, reviewStatus } from "./enums";
import { lineItems } from "./orders";
import { publishers } from "./publishers";
import { users } from "./users";

export const creatives = pgTable(
  "creatives",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    advertiserId: integer()
      .notNull()
      .references(() => advertisers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    kind: creativeKind().notNull(),
    /** Path relative to the uploads directory (outside the web root). */
    filePath: text(),
    mimeType: varchar({ length: 64 }),
    byteSize: bigint({ mode: "number" }),
    width: integer(),
    height: integer(),
    body: text(),
    clickUrl: text().notNull(),
    reviewStatus: reviewStatus().notNull().default("pending"),
    reviewReason: text(),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    /** The version this one replaces; the old one keeps serving until this is approved. */
    replacesId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId, t.reviewStatus), index().on(t.advertiserId)],
);

export const lineItemCreatives = pgTable(
  "line_item_creatives",
  {
    lineItemId: integer()
      .notNull()
      .references(() => lineItems.id, { onDelete: "cascade" }),
    creativeId: integer()
      .notNull()
      .references(() => creatives.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.lineItemId, t.creativeId] }), index().on(t.creativeId)],
);
