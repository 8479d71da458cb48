import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { emailKind, emailStatus, jobStatus } from "./enums";
import { orders } from "./orders";
import { publishers } from "./publishers";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** First characters of the key, shown so people can tell keys apart. */
    prefix: varchar({ length: 16 }).notNull(),
    keyHash: text().notNull().unique(),
    scopes: text().array().notNull().default(sql`'{}'::text[]`),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId)],
);

export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer().references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer().references(() => orders.id, { onDelete: "set null" }),
    kind: emailKind().notNull().default("notification"),
    to: varchar({ length: 254 }).notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    status: emailStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** Set when a sender claims the email; only that sender may mark it sent or failed. */
    claimToken: text(),
    /** When the claim was taken: a claim older than the lease belongs to a crashed sender and is retried. */
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId, t.createdAt.desc()), index().on(t.status, t.createdAt)],
);

export const jobs = pgTable(
  "jobs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** One job per step (e.g. "start-line-item:42"), so a step never runs twice. */
    uniqueKey: text().notNull().unique(),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: jobStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    /** Set by each claim; only the holder of the current claim may mark the job done or failed. */
    claimToken: text(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.runAt)],
);

/** Requests per API key in the current fixed window (lib/api/rate-limit.ts). */
export const apiRequestCounts = pgTable("api_request_counts", {
  apiKeyId: integer()
    .primaryKey()
    .references(() => apiKeys.id, { onDelete: "cascade" }),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  requests: integer().notNull(),
});

/** A POST's answer kept under its `Idempotency-Key`, so a retry gets the same answer (lib/api/idempotency.ts). */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    apiKeyId: integer()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: varchar({ length: 200 }).notNull(),
    /** sha256 of method, path and body: the same key with another request is a conflict. */
    requestHash: text().notNull(),
    status: integer(),
    contentType: text(),
    location: text(),
    body: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index().on(t.createdAt)],
);

/**
 * Secrets every app instance must share (session, tracking, server actions), generated
 * once by whichever instance starts first unless set in the environment (lib/core/shared-secrets.ts).
 */
export const appSecrets = pgTable("app_secrets", {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
