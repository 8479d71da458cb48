import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { advertisers } from "./advertisers";
import { lineItemStatus, orderSource, orderStatus, pricingModel, priority } from "./enums";
import { adZones, properties } from "./inventory";
import { publishers } from "./publishers";
import { users } from "./users";

export const orders = pgTable(
  "orders",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    advertiserId: integer()
      .notNull()
      .references(() => advertisers.id),
    propertyId: integer().references(() => properties.id),
    name: text().notNull(),
    source: orderSource().notNull(),
    status: orderStatus().notNull(),
    /** Status before archiving, so unarchive restores it. */
    statusBeforeArchive: orderStatus(),
    /** Who paused the order, while it is paused: an advertiser may resume only what they paused. */
    pausedBy: text({ enum: ["advertiser", "publisher"] }),
    currency: varchar({ length: 3 }).notNull(),
    /** Sum of line item amounts, minor units. */
    total: bigint({ mode: "number" }).notNull().default(0),
    /**
     * What the order is worth now, minor units: booked less discounts and credit notes
     * (lib/money/order-figures.ts), kept by lib/money/refresh-order-net.ts so lists sort on it.
     */
    net: bigint({ mode: "number" }).notNull().default(0),
    prepayRequired: boolean().notNull().default(false),
    paymentTermsDays: integer().notNull().default(14),
    partialPayments: boolean().notNull().default(false),
    /** Where invoices go instead of the advertiser's contact address. */
    invoiceRecipient: text(),
    poNumber: text(),
    /** Tax included in the prices, in basis points (2000 = 20%); null: the publisher's default. */
    taxRateBasisPoints: integer(),
    /** The publisher's tax id printed on this order's invoices; null: the publisher's default. */
    taxId: text(),
    brief: text(),
    startDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
    salesManagerId: integer().references(() => users.id),
    createdBy: integer().references(() => users.id),
    duplicatedFrom: integer(),
    recurringScheduleId: integer(),
    /** Bumped on every change; actions carry the version they saw to refuse stale approvals. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Filter columns ride along after the sort key so a filtered page is answered from
    // the index without visiting rows it will skip (bench/orders-list.ts).
    index("orders_pub_created").on(
      t.publisherId,
      t.createdAt.desc(),
      t.id.desc(),
      t.status,
      t.source,
      t.advertiserId,
      t.propertyId,
      t.salesManagerId,
    ),
    index("orders_pub_activity").on(
      t.publisherId,
      t.lastActivityAt.desc(),
      t.id.desc(),
      t.status,
      t.source,
      t.advertiserId,
      t.propertyId,
      t.salesManagerId,
      t.createdAt,
    ),
    index("orders_pub_start").on(
      t.publisherId,
      t.startDate,
      t.id,
      t.status,
      t.source,
      t.advertiserId,
      t.propertyId,
      t.salesManagerId,
      t.createdAt,
    ),
    // The name rides along too: value order is unrelated to where rows sit in the table, so a
    // keyword search sorted by value, or counted, reads names from here (an index-only scan)
    // instead of fetching a scattered row for every order it passes (bench/orders-list.ts).
    index("orders_pub_net").on(
      t.publisherId,
      t.net,
      t.id,
      t.status,
      t.source,
      t.advertiserId,
      t.propertyId,
      t.salesManagerId,
      t.createdAt,
      t.name,
    ),
    index("orders_pub_status_created").on(t.publisherId, t.status, t.createdAt.desc(), t.id.desc(), t.source),
    index("orders_pub_advertiser").on(t.publisherId, t.advertiserId, t.createdAt.desc()),
    index("orders_pub_property").on(
      t.publisherId,
      t.propertyId,
      t.salesManagerId,
      t.status,
      t.source,
      t.advertiserId,
      t.createdAt,
    ),
    index("orders_pub_sales_manager").on(
      t.publisherId,
      t.salesManagerId,
      t.propertyId,
      t.status,
      t.source,
      t.advertiserId,
      t.createdAt,
    ),
    index("orders_pub_source").on(t.publisherId, t.source, t.createdAt.desc()),
    // Keyword search (ILIKE '%word%') over a million names needs trigrams (migration 0001 enables pg_trgm).
    index("orders_name_trgm").using("gin", t.name.op("gin_trgm_ops")),
    check("orders_total_non_negative", sql`${t.total} >= 0`),
    check("orders_net_non_negative", sql`${t.net} >= 0`),
  ],
);

export const lineItems = pgTable(
  "line_items",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    zoneId: integer()
      .notNull()
      .references(() => adZones.id),
    countries: varchar({ length: 2 }).array().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    model: pricingModel().notNull(),
    /** Minor units per pricing unit (per 1,000 impressions for cpm). */
    rate: bigint({ mode: "number" }).notNull(),
    /** Impressions (cpm), clicks (cpc) or days (cpd). */
    quantity: bigint({ mode: "number" }).notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    dailyCap: bigint({ mode: "number" }),
    priority: priority().notNull().default("normal"),
    status: lineItemStatus().notNull().default("pending"),
    /** Who paused the line item, while it is paused: an advertiser may resume only what they paused. */
    pausedBy: text({ enum: ["advertiser", "publisher"] }),
    deliveredImpressions: bigint({ mode: "number" }).notNull().default(0),
    deliveredClicks: bigint({ mode: "number" }).notNull().default(0),
    cancelReason: text(),
    canceledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.orderId),
    index().on(t.publisherId, t.zoneId),
    // Reports pick the line items whose flight overlaps a date range.
    index("line_items_pub_flight").on(t.publisherId, t.endDate, t.startDate),
    check("line_items_quantity_positive", sql`${t.quantity} > 0`),
    check("line_items_dates_ordered", sql`${t.startDate} <= ${t.endDate}`),
    check("line_items_rate_non_negative", sql`${t.rate} >= 0`),
  ],
);

export const reservations = pgTable(
  "reservations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    lineItemId: integer()
      .notNull()
      .references(() => lineItems.id, { onDelete: "cascade" }),
    zoneId: integer()
      .notNull()
      .references(() => adZones.id),
    country: varchar({ length: 2 }).notNull(),
    day: date({ mode: "string" }).notNull(),
    units: bigint({ mode: "number" }).notNull(),
    /** Units booked beyond capacity by someone with the overbook permission. */
    overbookedUnits: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    unique("reservations_line_item_zone_country_day").on(t.lineItemId, t.zoneId, t.country, t.day),
    index().on(t.zoneId, t.country, t.day),
    check("reservations_units_non_negative", sql`${t.units} >= 0`),
  ],
);
