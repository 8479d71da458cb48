import {
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
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
    /** The stored file's key in the creative file store (lib/creatives/creative-files.ts). */
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

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  // node-postgres hands back a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * The bytes of uploaded creative files, written in the same transaction as their creative,
 * so every app instance serves them and a failed upload leaves nothing behind.
 */
export const creativeFiles = pgTable(
  "creative_files",
  {
    key: text().primaryKey(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    bytes: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId)],
);
