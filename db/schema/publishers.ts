import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";

export const publishers = pgTable(
  "publishers",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: varchar({ length: 64 }).notNull().unique(),
    name: text().notNull(),
    currency: varchar({ length: 3 }).notNull().default("USD"),
    timezone: text().notNull().default("UTC"),
    approvalWindowDays: integer().notNull().default(3),
    prepayRequired: boolean().notNull().default(false),
    advertiserMayPause: boolean().notNull().default(false),
    /** The booking portal's brand colour (#rrggbb), dark enough for white text on it. */
    accentColor: varchar({ length: 7 }),
    /** Free text shown to advertisers on every order with money due (bank details, reference rules). */
    paymentInstructions: text().notNull().default(""),
    /** Staff addresses told about new orders when an order has no sales manager; empty = owners and admins. */
    notificationEmails: text().array().notNull().default(sql`'{}'::text[]`),
    // Gapless invoice numbering: the counter is bumped inside the invoicing transaction.
    nextInvoiceNumber: integer().notNull().default(1),
    /** Defaults for new invoices: tax included in prices (basis points) and the tax id printed. */
    taxRateBasisPoints: integer().notNull().default(0),
    taxId: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("publishers_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`)],
);

/** A publisher's former booking addresses: old links keep working by redirecting to the current one. */
export const publisherSlugRedirects = pgTable(
  "publisher_slug_redirects",
  {
    slug: varchar({ length: 64 }).primaryKey(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The logo on a publisher's booking portal, kept in the database (not on one server's
 * disk) and served from this site, so the portal loads nothing from other hosts.
 */
export const publisherLogos = pgTable("publisher_logos", {
  publisherId: integer()
    .primaryKey()
    .references(() => publishers.id, { onDelete: "cascade" }),
  content: bytea().notNull(),
  mimeType: varchar({ length: 32 }).notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
