import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { advertisers } from "./advertisers";
import { staffRole } from "./enums";
import { publishers } from "./publishers";
import { users } from "./users";

/** Emailed, single-use invitations to a publisher's team or to an advertiser's portal account. */
export const invitations = pgTable(
  "invitations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    email: varchar({ length: 254 }).notNull(),
    /** A staff invitation's role; null for an advertiser user's invitation (see advertiserId). */
    role: staffRole(),
    /** Set when the invitation is to join an advertiser's portal account rather than the publisher's team. */
    advertiserId: integer().references(() => advertisers.id, { onDelete: "cascade" }),
    permissions: text().array().notNull().default(sql`'{}'::text[]`),
    tokenHash: text().notNull().unique(),
    invitedBy: integer().references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.publisherId),
    check("invitations_staff_or_advertiser", sql`(${t.advertiserId} IS NULL) = (${t.role} IS NOT NULL)`),
  ],
);
