import { bigint, date, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { actorKind, orderStatus, quoteStatus } from "./enums";
import { orders } from "./orders";
import { publishers } from "./publishers";
import { users } from "./users";

export const quotes = pgTable(
  "quotes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    price: bigint({ mode: "number" }).notNull(),
    plan: text().notNull(),
    terms: text().notNull().default(""),
    expiresAt: timestamp({ withTimezone: true }),
    estimatedCompletion: date({ mode: "string" }),
    status: quoteStatus().notNull().default("sent"),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId)],
);

export const orderEvents = pgTable(
  "order_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    actorKind: actorKind().notNull(),
    actorUserId: integer().references(() => users.id),
    type: text().notNull(),
    fromStatus: orderStatus(),
    toStatus: orderStatus(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId, t.at)],
);

export const messages = pgTable(
  "messages",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    authorUserId: integer()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId, t.at)],
);
