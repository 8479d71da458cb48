import { type AnyColumn, and, eq, gte, inArray, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, adZones, deliveryDaily, lineItems, orders, properties } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import { orderScope } from "@/lib/orders/get-order-for-actor";
import type { EntityGrouping } from "./delivery-report-input";

/** Orders whose line items count as booked: sold, whether running, done or since archived. */
const bookedStatuses = ["approved", "live", "paused", "completed"] as const;

/**
 * Tenant scoping, in the WHERE clause of every statement: the publisher's line items, and
 * for an advertiser only those of their own orders (orderScope).
 */
export function reportScope(actor: StaffActor | AdvertiserActor): SQL {
  return and(eq(lineItems.publisherId, actor.publisherId), orderScope(actor))!;
}

const total = (column: SQL | AnyColumn) => sql<string>`coalesce(sum(${column}), 0)`.mapWith(Number);

/** Names and ids selected for each grouping, and what the statement groups by. */
function groupColumns(group: EntityGrouping) {
  const none = { orderId: sql<number | null>`null::integer`, order: sql<string | null>`null::text` };
  switch (group) {
    case "line_item":
      return {
        select: {
          id: sql<number>`${lineItems.id}`,
          orderId: sql<number | null>`${orders.id}`,
          order: sql<string | null>`${orders.name}`,
          zone: sql<string | null>`${adZones.name}`,
          property: sql<string | null>`${properties.name}`,
          advertiser: sql<string | null>`${advertisers.company}`,
        },
        groupBy: [lineItems.id, orders.id, adZones.id, properties.id, advertisers.id],
      };
    case "zone":
      return {
        select: {
          id: sql<number>`${adZones.id}`,
          ...none,
          zone: sql<string | null>`${adZones.name}`,
          property: sql<string | null>`${properties.name}`,
          advertiser: sql<string | null>`null::text`,
        },
        groupBy: [adZones.id, properties.id],
      };
    case "property":
      return {
        select: {
          id: sql<number>`${properties.id}`,
          ...none,
          zone: sql<string | null>`null::text`,
          property: sql<string | null>`${properties.name}`,
          advertiser: sql<string | null>`null::text`,
        },
        groupBy: [properties.id],
      };
    case "advertiser":
      return {
        select: {
          id: sql<number>`${advertisers.id}`,
          ...none,
          zone: sql<string | null>`null::text`,
          property: sql<string | null>`null::text`,
          advertiser: sql<string | null>`${advertisers.company}`,
        },
        groupBy: [advertisers.id],
      };
  }
}

/** Impressions, clicks and conversions within the range per day, summed by PostgreSQL. */
export function countsByDay(db: Queryable, scope: SQL, from: string, to: string) {
  return db
    .select({
      day: deliveryDaily.day,
      impressions: total(deliveryDaily.impressions),
      clicks: total(deliveryDaily.clicks),
      conversions: total(deliveryDaily.conversions),
    })
    .from(deliveryDaily)
    .innerJoin(lineItems, eq(lineItems.id, deliveryDaily.lineItemId))
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .where(and(gte(deliveryDaily.day, from), lte(deliveryDaily.day, to), scope))
    .groupBy(deliveryDaily.day);
}
export type DayCounts = Awaited<ReturnType<typeof countsByDay>>[number];

/**
 * Counts within the range per group. The daily rows are first summed per line item (the
 * range scan on delivery_daily_day_index), then the few per-line-item sums are joined
 * to their names and summed again per group.
 */
export function countsByGroup(db: Queryable, scope: SQL, group: EntityGrouping, from: string, to: string) {
  const inRange = db
    .select({
      lineItemId: deliveryDaily.lineItemId,
      impressions: sql<string>`sum(${deliveryDaily.impressions})`.as("impressions"),
      clicks: sql<string>`sum(${deliveryDaily.clicks})`.as("clicks"),
      conversions: sql<string>`sum(${deliveryDaily.conversions})`.as("conversions"),
    })
    .from(deliveryDaily)
    .innerJoin(lineItems, eq(lineItems.id, deliveryDaily.lineItemId))
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .where(and(gte(deliveryDaily.day, from), lte(deliveryDaily.day, to), scope))
    .groupBy(deliveryDaily.lineItemId)
    .as("in_range");
  const { select, groupBy } = groupColumns(group);
  return db
    .select({
      ...select,
      impressions: total(sql`${inRange.impressions}`),
      clicks: total(sql`${inRange.clicks}`),
      conversions: total(sql`${inRange.conversions}`),
    })
    .from(inRange)
    .innerJoin(lineItems, eq(lineItems.id, inRange.lineItemId))
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .where(scope)
    .groupBy(...groupBy);
}
export type GroupCounts = Awaited<ReturnType<typeof countsByGroup>>[number];

/**
 * Booked line items whose dates overlap the range, each with what it delivered from its
 * start through `asOf`: summed by PostgreSQL per line item (LATERAL), through
 * delivery_daily's primary key, so only those line items' rows are read.
 */
export function bookedLineItems(db: Queryable, scope: SQL, from: string, to: string, asOf: string) {
  const toDate = db
    .select({
      impressions: sql<string>`coalesce(sum(${deliveryDaily.impressions}), 0)`.as("to_date_impressions"),
      clicks: sql<string>`coalesce(sum(${deliveryDaily.clicks}), 0)`.as("to_date_clicks"),
    })
    .from(deliveryDaily)
    .where(and(eq(deliveryDaily.lineItemId, lineItems.id), lte(deliveryDaily.day, asOf)))
    .as("to_date");
  return db
    .select({
      id: lineItems.id,
      orderId: orders.id,
      order: orders.name,
      zoneId: adZones.id,
      zone: adZones.name,
      propertyId: properties.id,
      property: properties.name,
      advertiserId: advertisers.id,
      advertiser: advertisers.company,
      model: lineItems.model,
      status: lineItems.status,
      quantity: lineItems.quantity,
      amount: lineItems.amount,
      startDate: lineItems.startDate,
      endDate: lineItems.endDate,
      impressions: sql<string>`${toDate.impressions}`.mapWith(Number),
      clicks: sql<string>`${toDate.clicks}`.mapWith(Number),
    })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .innerJoinLateral(toDate, sql`true`)
    .where(
      and(
        scope,
        lte(lineItems.startDate, to),
        gte(lineItems.endDate, from),
        ne(lineItems.status, "canceled"),
        or(
          inArray(orders.status, bookedStatuses),
          and(eq(orders.status, "archived"), inArray(orders.statusBeforeArchive, bookedStatuses)),
        ),
      ),
    );
}
export type BookedLineItem = Awaited<ReturnType<typeof bookedLineItems>>[number];
