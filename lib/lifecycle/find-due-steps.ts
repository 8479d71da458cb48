import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { lineItems, orders, publishers } from "@/db/schema";
import { calendarDayIn } from "@/lib/core/days";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { blockedLineItems } from "@/lib/orders/blocked-line-items";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";

export type DueStep = { kind: string; uniqueKey: string; payload: Record<string, number> };

const openStatuses = ["ready", "delivering", "paused"] as const;

/**
 * What the schedule says should happen now: orders and line items whose start date has
 * come, line items that are fully delivered or past their end, and live orders with
 * nothing left open. Each step has a key, so finding it again schedules nothing new.
 */
export async function findDueSteps(db: Queryable, now: Date): Promise<DueStep[]> {
  // The latest "today" on Earth (UTC+14; Etc/ names count the other way), so no candidate is
  // missed; each is then checked in its publisher's time zone.
  const latestToday = calendarDayIn(now, "Etc/GMT-14");
  const steps: DueStep[] = [];

  const starting = await db
    .select({
      id: orders.id,
      version: orders.version,
      startDate: orders.startDate,
      timezone: publishers.timezone,
    })
    .from(orders)
    .innerJoin(publishers, eq(publishers.id, orders.publisherId))
    .where(and(eq(orders.status, "approved"), lte(orders.startDate, latestToday)));
  for (const o of starting) {
    if (o.startDate && o.startDate <= calendarDayIn(now, o.timezone)) {
      steps.push({
        kind: "start-order",
        uniqueKey: `start-order:${o.id}:v${o.version}`,
        payload: { orderId: o.id },
      });
    }
  }

  const items = await db
    .select({
      id: lineItems.id,
      orderId: lineItems.orderId,
      status: lineItems.status,
      model: lineItems.model,
      startDate: lineItems.startDate,
      endDate: lineItems.endDate,
      quantity: lineItems.quantity,
      impressions: lineItems.deliveredImpressions,
      clicks: lineItems.deliveredClicks,
      timezone: publishers.timezone,
    })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(publishers, eq(publishers.id, orders.publisherId))
    .where(and(inArray(orders.status, ["live", "paused"]), inArray(lineItems.status, [...openStatuses])));

  const toStart = new Map<number, number[]>();
  for (const li of items) {
    const today = calendarDayIn(now, li.timezone);
    const delivered = li.model === "cpc" ? li.clicks : li.impressions;
    const full = li.model !== "cpd" && delivered >= li.quantity;
    if (li.endDate < today || full) {
      steps.push({
        kind: "complete-line-item",
        uniqueKey: `complete-line-item:${li.id}`,
        payload: { orderId: li.orderId, lineItemId: li.id },
      });
    } else if (li.status === "ready" && li.startDate <= today) {
      toStart.set(li.orderId, [...(toStart.get(li.orderId) ?? []), li.id]);
    }
  }
  for (const [orderId, ids] of toStart) {
    const loaded = await getOrderForActorOrThrow(db, { kind: "system" }, orderId);
    if (loaded.order.status !== "live") continue;
    const today = calendarDayIn(now, loaded.publisher.timezone);
    const blocked = await blockedLineItems(db, loaded, {
      today,
      balanceDue: (await ledgerTotals(db, orderId)).balanceDue,
    });
    for (const id of ids.filter((id) => !blocked.has(id))) {
      steps.push({
        kind: "start-line-item",
        uniqueKey: `start-line-item:${id}:${today}`,
        payload: { orderId, lineItemId: id },
      });
    }
  }

  const finished = await db
    .select({ id: orders.id, version: orders.version })
    .from(orders)
    .where(
      and(
        eq(orders.status, "live"),
        sql`not exists (select 1 from ${lineItems} li where li.order_id = ${orders.id} and li.status in ('pending', 'ready', 'delivering', 'paused'))`,
      ),
    );
  for (const o of finished) {
    steps.push({ kind: "complete-order", uniqueKey: `complete-order:${o.id}`, payload: { orderId: o.id } });
  }
  return steps;
}
