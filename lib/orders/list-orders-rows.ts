import { eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { advertisers, lineItems, orders, properties, users } from "@/db/schema";
import { bookedValueSql } from "@/lib/money/order-figures-sql";

const salesManager = alias(users, "sales_manager");

/**
 * Delivered share of an order's booked value, 0–100: each open line item counts
 * delivered units of its own model (impressions for CPM, clicks for CPC, days run for
 * CPD) against its quantity, weighted by its amount so mixed models add up. Canceled
 * line items are no longer booked and do not count. Evaluated per returned row only,
 * through line_items_order_id_index: the line items of other orders are never read.
 */
function deliveredPercent(today: string): SQL<number | null> {
  const delivered = sql`case ${lineItems.model}
      when 'cpm' then ${lineItems.deliveredImpressions}
      when 'cpc' then ${lineItems.deliveredClicks}
      else greatest(0, least(${lineItems.endDate}, (${today})::date - 1) - ${lineItems.startDate} + 1)
    end`;
  const share = sql`least(1, (${delivered})::numeric / ${lineItems.quantity})`;
  return sql<number | null>`(
    select (case when sum(${lineItems.amount}) > 0
        then 100 * sum(${lineItems.amount} * ${share}) / sum(${lineItems.amount})
        else 100 * avg(${share}) end)::float8
    from ${lineItems}
    where ${lineItems.orderId} = ${orders.id} and ${lineItems.status} <> 'canceled'
  )`;
}

/**
 * What the list shows of each order whose id `which` selects (ids from the scoped,
 * filtered and paged query), with names and delivery joined in the same statement.
 */
export function selectOrderListRows(db: Queryable, which: SQL, today: string) {
  return db
    .select({
      id: orders.id,
      name: orders.name,
      advertiserId: orders.advertiserId,
      advertiser: advertisers.company,
      propertyId: orders.propertyId,
      property: properties.name,
      salesManager: salesManager.name,
      status: orders.status,
      statusBeforeArchive: orders.statusBeforeArchive,
      source: orders.source,
      // "Value" is what the order is worth now: booked less discounts and credit notes.
      total: orders.net,
      booked: bookedValueSql(),
      currency: orders.currency,
      deliveredPercent: deliveredPercent(today).mapWith((v) => (v === null ? null : Number(v))),
      startDate: orders.startDate,
      endDate: orders.endDate,
      lastActivityAt: orders.lastActivityAt,
      createdAt: orders.createdAt,
      version: orders.version,
    })
    .from(orders)
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .leftJoin(properties, eq(properties.id, orders.propertyId))
    .leftJoin(salesManager, eq(salesManager.id, orders.salesManagerId))
    .where(which);
}
