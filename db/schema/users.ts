import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { staffRole } from "./enums";
import { publishers } from "./publishers";

export const users = pgTable("users", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: varchar({ length: 254 }).notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  /**
   * Copied into the session cookie at sign-in and compared on every request: bumping it
   * (sign-out, password reset, role change, removal) ends every session of this user.
   */
  sessionVersion: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    role: staffRole().notNull(),
    permissions: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.userId, t.publisherId), index().on(t.publisherId)],
);

/** Emailed password reset links: single use, short-lived, only the token's hash is stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    /** Where the request came from, to cap how many reset emails one address can trigger. */
    requestedIp: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.createdAt), index().on(t.requestedIp, t.createdAt)],
);

/**
 * Sign-in attempts counted per key: "ip:<address>" (a fixed hourly window, hard cap) and
 * "account:<email>|ip:<address>" (consecutive failures, growing delay). An attempt is
 * counted before its password is checked, so parallel attempts cannot slip past the limit.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    key: text().primaryKey(),
    failures: integer().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    lastAttemptAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.lastAttemptAt)],
);
