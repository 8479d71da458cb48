import { boolean, index, integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { publishers } from "./publishers";
import { users } from "./users";

/** A URL a publisher's integration listens on for order status changes (lib/webhooks). */
export const webhooks = pgTable(
  "webhooks",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    url: text().notNull(),
    /** Signs each delivery (HMAC-SHA256); kept readable because signing needs it, shown once. */
    secret: text().notNull(),
    active: boolean().notNull().default(true),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId)],
);

/** One event sent (or being sent) to one webhook, with its latest attempt's answer. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    webhookId: integer()
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer().references(() => orders.id, { onDelete: "set null" }),
    event: varchar({ length: 64 }).notNull(),
    /** The exact JSON body, so every retry sends (and signs) the same bytes. */
    body: text().notNull(),
    /** pending (waiting for an attempt), succeeded or failed (no more attempts). */
    status: varchar({ length: 16 }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    responseMs: integer(),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    nextAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId, t.createdAt), index().on(t.webhookId)],
);
