import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { creativeKind, pricingModel } from "./enums";
import { publishers } from "./publishers";

export const properties = pgTable(
  "properties",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    kind: varchar({ length: 32 }).notNull().default("website"),
    url: text(),
    description: text().notNull().default(""),
    audience: text().notNull().default(""),
    logoUrl: text(),
    /** Archived properties leave the media kit; their orders run on. Properties are never deleted. */
    archivedAt: timestamp({ withTimezone: true }),
    /** Ads paused: the property's zone tags show nothing and count nothing until resumed. */
    servingPausedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publisherId)],
);

export type CountryModifier = { country: string; kind: "percent" | "fixed"; value: number };

export const adZones = pgTable(
  "ad_zones",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    propertyId: integer()
      .notNull()
      .references(() => properties.id, { onDelete: "cascade" }),
    name: text().notNull(),
    format: varchar({ length: 32 }).notNull().default("display"),
    width: integer(),
    height: integer(),
    pricingModel: pricingModel().notNull(),
    /** Minor units: per 1,000 impressions (cpm), per click (cpc) or per day (cpd). */
    baseRate: bigint({ mode: "number" }).notNull(),
    visible: boolean().notNull().default(true),
    countryModifiers: jsonb().$type<CountryModifier[]>().notNull().default([]),
    monthlyImpressions: bigint({ mode: "number" }).notNull().default(0),
    /** Share of traffic per ISO country code; shares sum to at most 1. */
    countryShares: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** Creative kinds an advertiser may upload for this zone; empty means any. */
    creativeKinds: creativeKind().array().notNull().default(sql`'{}'`),
    /** Impressions or clicks per line item (cpm, cpc), or days (cpd); null means no limit. */
    minQuantity: bigint({ mode: "number" }),
    maxQuantity: bigint({ mode: "number" }),
    /** Days between booking and the first day a line item may run. */
    leadDays: integer().notNull().default(0),
    /** How far ahead (days from today) a line item may end; null means as far as inventory goes. */
    maxWindowDays: integer(),
    /** Days the zone is not sold (YYYY-MM-DD). */
    blackoutDays: jsonb().$type<string[]>().notNull().default([]),
    /** The publisher's own ad, shown by the zone tag when nothing booked can serve (never counted). */
    houseAdImageUrl: text(),
    houseAdClickUrl: text(),
    /** Archived zones leave the media kit and take no new bookings; their orders run on. */
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.publisherId),
    index().on(t.propertyId),
    check("ad_zones_base_rate_positive", sql`${t.baseRate} > 0`),
  ],
);

export const inventoryDays = pgTable(
  "inventory_days",
  {
    zoneId: integer()
      .notNull()
      .references(() => adZones.id, { onDelete: "cascade" }),
    country: varchar({ length: 2 }).notNull(),
    day: date({ mode: "string" }).notNull(),
    capacity: bigint({ mode: "number" }).notNull(),
    reserved: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.country, t.day] }),
    check("inventory_reserved_within_capacity", sql`${t.reserved} <= ${t.capacity}`),
    check("inventory_reserved_non_negative", sql`${t.reserved} >= 0`),
  ],
);
