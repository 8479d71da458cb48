import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";

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
    // Gapless invoice numbering: the counter is bumped inside the invoicing transaction.
    nextInvoiceNumber: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("publishers_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`)],
);
