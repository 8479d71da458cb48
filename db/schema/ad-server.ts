import { boolean, index, integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { lineItems, orders } from "./orders";
import { publishers } from "./publishers";
import { users } from "./users";

/** The publisher's own ad server, which hears of every change its line items go through (lib/ad-server). */
export const adServerConnections = pgTable("ad_server_connections", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  publisherId: integer()
    .notNull()
    .unique()
    .references(() => publishers.id, { onDelete: "cascade" }),
  url: text().notNull(),
  /** Signs each call (HMAC-SHA256, as webhooks); kept readable because signing needs it, shown once. */
  secret: text().notNull(),
  enabled: boolean().notNull().default(true),
  updatedBy: integer().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per line item the ad server has been told of: the latest state to send and the
 * answer to the latest attempt. `sequence` grows with each change (the receiver keeps the
 * highest it saw); `ticket` grows with each scheduled attempt, and only the job holding
 * the current ticket may send or record, so an earlier retry never overwrites a later change.
 */
export const lineItemSyncs = pgTable(
  "line_item_syncs",
  {
    lineItemId: integer()
      .primaryKey()
      .references(() => lineItems.id, { onDelete: "cascade" }),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** pending (an attempt is due), synced (acknowledged) or failed (see nextAttemptAt). */
    status: varchar({ length: 16 }).notNull().default("pending"),
    sequence: integer().notNull().default(1),
    ticket: integer().notNull().default(1),
    /** The change that made this state: approved, paused, resumed, creative_rejected … */
    change: varchar({ length: 32 }).notNull(),
    /** The line item's state to send (JSON), written with the change. */
    state: text().notNull(),
    remoteId: text(),
    attempts: integer().notNull().default(0),
    /** Failed attempts since the last change or manual retry: picks the next wait. */
    failures: integer().notNull().default(0),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    nextAttemptAt: timestamp({ withTimezone: true }),
    syncedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId, t.status), index().on(t.orderId)],
);
