import { index, integer, pgTable, primaryKey, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { publishers } from "./publishers";
import { users } from "./users";

export const advertisers = pgTable(
  "advertisers",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    company: text().notNull(),
    contactName: text().notNull(),
    contactEmail: varchar({ length: 254 }).notNull(),
    phone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.publisherId, t.company),
    index("advertisers_company_trgm").using("gin", t.company.op("gin_trgm_ops")),
  ],
);

export const advertiserUsers = pgTable(
  "advertiser_users",
  {
    advertiserId: integer()
      .notNull()
      .references(() => advertisers.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A deactivated user keeps their history but can no longer sign in to this advertiser's portal. */
    deactivatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.advertiserId, t.userId] }), index().on(t.userId)],
);
