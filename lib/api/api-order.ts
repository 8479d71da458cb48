import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import {
  advertisers,
  adZones,
  deliveryDaily,
  ledgerEntries,
  lineItems,
  orders,
  publishers,
  users,
} from "@/db/schema";
import type { priority } from "@/db/schema/enums";
import { calendarDayIn } from "@/lib/core/days";
import { currencyMinorDigits } from "@/lib/format/currency-digits";
import type { LedgerSums } from "@/lib/money/owed";
import { apiStatus } from "@/lib/orders/api-status";
import { deliveredUnits } from "@/lib/orders/order-snapshot";
import type { ApiOrder, ApiOrderStatistic } from "./schemas";

type Priority = (typeof priority.enumValues)[number];
type OrderRow = typeof orders.$inferSelect;
type LineItemRow = typeof lineItems.$inferSelect;

/** Everything one order's API representation is made from. */
export type ApiOrderFacts = {
  order: OrderRow;
  realm: string;
  today: string;
  advertiser: { id: number; company: string };
  creator: { id: number; email: string } | null;
  lineItems: (LineItemRow & { zoneName: string })[];
  delivery: DeliveryTotals;
  money: LedgerSums;
};
export type DeliveryTotals = {
  impressions: number;
  clicks: number;
  uniques: number;
  conversions: number;
  days: number;
};

const priorityRank: Priority[] = ["very_low", "low", "normal", "high", "very_high", "exclusive"];

/** 2030-01-10T08:00:00 (UTC, no zone, as seed 002 writes datetimes). */
export const apiDatetime = (at: Date) => at.toISOString().slice(0, 19);

/**
 * THE mapping from an AdDesk order to seed 002's order, used for JSON and XML alike.
 * An order with several line items is one API order: linked_zone, model and
 * maximum_bid_price are its first line item's (by id), priority the highest of them,
 * volumes and prices the sums over all of them, dates the earliest start and latest
 * end; `line_items` (AdDesk's own) lists each one.
 */
export function toApiOrder(facts: ApiOrderFacts): ApiOrder {
  const { order } = facts;
  const scale = 10 ** currencyMinorDigits(order.currency);
  const major = (minor: number) => Math.round(minor) / scale;
  const items = facts.lineItems;
  const first = items[0];
  const filled = (li: LineItemRow) => deliveredUnits(li, facts.today);
  const sum = (f: (li: LineItemRow) => number) => items.reduce((total, li) => total + f(li), 0);
  const totalVolume = sum((li) => li.quantity);
  const filledVolume = sum(filled);
  const caps = items.map((li) => li.dailyCap);
  const ref = { id: String(order.id), name: order.name };
  return {
    id: String(order.id),
    name: order.name,
    status: apiStatus({ status: order.status, money: facts.money }),
    priority: items.reduce<Priority>(
      (top, li) => (priorityRank.indexOf(li.priority) > priorityRank.indexOf(top) ? li.priority : top),
      first?.priority ?? "normal",
    ),
    model: first?.model ?? "cpm",
    gross_purchase_price: major(order.total),
    // Discounts live on the ledger; net is what was charged after them.
    net_purchase_price: major(Math.max(0, order.total - facts.money.discounted)),
    maximum_bid_price: major(first?.rate ?? 0),
    average_bid_price: major(
      totalVolume ? items.reduce((t, li) => t + li.rate * li.quantity, 0) / totalVolume : 0,
    ),
    total_volume: totalVolume,
    daily_volume: caps.length && caps.every((cap) => cap !== null) ? caps.reduce((a, b) => a! + b!, 0) : null,
    filled_volume: filledVolume,
    realm: facts.realm,
    start_date: order.startDate ? `${order.startDate}T00:00:00` : null,
    end_date: order.endDate ? `${order.endDate}T23:59:59` : null,
    last_modified_date: apiDatetime(order.lastActivityAt),
    currency: order.currency,
    linked_zone: first ? { id: String(first.zoneId), name: first.zoneName } : null,
    linked_campaign: { id: String(facts.advertiser.id), name: facts.advertiser.company },
    linked_user: facts.creator ? { id: String(facts.creator.id), name: facts.creator.email } : null,
    order_statistic: toApiStatistic(facts.delivery, apiDatetime(order.lastActivityAt), ref),
    line_items: items.map((li) => ({
      id: String(li.id),
      status: li.status,
      model: li.model,
      priority: li.priority,
      countries: li.countries,
      start_date: `${li.startDate}T00:00:00`,
      end_date: `${li.endDate}T23:59:59`,
      total_volume: li.quantity,
      daily_volume: li.dailyCap,
      filled_volume: filled(li),
      rate: major(li.rate),
      amount: major(li.amount),
      linked_zone: { id: String(li.zoneId), name: li.zoneName },
    })),
  };
}

/** Seed 002's order_statistic from delivery counts. */
export function toApiStatistic(
  counts: DeliveryTotals,
  date: string,
  order: { id: string; name: string },
): ApiOrderStatistic {
  return {
    hits: counts.impressions,
    uniques: counts.uniques,
    clicks: counts.clicks,
    conversions: counts.conversions,
    views: 0,
    duration: 0,
    average_conversion_amount: 0,
    days: counts.days,
    date,
    linked_order: order,
  };
}

const num = (column: unknown) => sql<string>`coalesce(sum(${column}), 0)`.mapWith(Number);

/**
 * The API representation of the given orders of one publisher, in the order of `ids`.
 * Tenant scoping is in the WHERE clause: another publisher's ids are simply missing.
 */
export async function loadApiOrders(
  db: Queryable,
  publisherId: number,
  ids: number[],
  now: Date,
): Promise<ApiOrder[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      order: orders,
      realm: publishers.slug,
      timezone: publishers.timezone,
      advertiser: { id: advertisers.id, company: advertisers.company },
      creatorId: users.id,
      creatorEmail: users.email,
    })
    .from(orders)
    .innerJoin(publishers, eq(publishers.id, orders.publisherId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .leftJoin(users, eq(users.id, orders.createdBy))
    .where(sql`${orders.publisherId} = ${publisherId} and ${inArray(orders.id, ids)}`);
  const found = rows.map((row) => row.order.id);
  if (!found.length) return [];
  const items = await db
    .select({ item: lineItems, zoneName: adZones.name })
    .from(lineItems)
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .where(inArray(lineItems.orderId, found))
    .orderBy(asc(lineItems.id));
  const delivery = await db
    .select({
      orderId: lineItems.orderId,
      impressions: num(deliveryDaily.impressions),
      clicks: num(deliveryDaily.clicks),
      uniques: num(deliveryDaily.uniques),
      conversions: num(deliveryDaily.conversions),
      days: sql<string>`count(distinct ${deliveryDaily.day})`.mapWith(Number),
    })
    .from(deliveryDaily)
    .innerJoin(lineItems, eq(lineItems.id, deliveryDaily.lineItemId))
    .where(inArray(lineItems.orderId, found))
    .groupBy(lineItems.orderId);
  const money = await db
    .select({ orderId: ledgerEntries.orderId, kind: ledgerEntries.kind, total: num(ledgerEntries.amount) })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.orderId, found))
    .groupBy(ledgerEntries.orderId, ledgerEntries.kind);
  const byId = new Map(
    rows.map((row) => {
      const sumOf = (kind: string) =>
        money.find((m) => m.orderId === row.order.id && m.kind === kind)?.total ?? 0;
      const counts = delivery.find((d) => d.orderId === row.order.id);
      const facts: ApiOrderFacts = {
        order: row.order,
        realm: row.realm,
        today: calendarDayIn(now, row.timezone),
        advertiser: row.advertiser,
        creator: row.creatorId && row.creatorEmail ? { id: row.creatorId, email: row.creatorEmail } : null,
        lineItems: items
          .filter((i) => i.item.orderId === row.order.id)
          .map((i) => ({ ...i.item, zoneName: i.zoneName })),
        delivery: counts ?? { impressions: 0, clicks: 0, uniques: 0, conversions: 0, days: 0 },
        money: {
          charged: sumOf("charge"),
          discounted: sumOf("discount"),
          adjusted: sumOf("adjustment"),
          credited: sumOf("credit_note"),
          paid: sumOf("payment"),
          refunded: sumOf("refund"),
        },
      };
      return [row.order.id, toApiOrder(facts)] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
