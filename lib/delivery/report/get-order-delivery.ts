import { asc, inArray, sql } from "drizzle-orm";
import { deliveryDaily } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { NotFound } from "@/lib/core/errors";

import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { lineItemZones } from "@/lib/orders/line-item-zones";
import { deliveredUnits } from "@/lib/orders/order-snapshot";
import { clickThroughRate, expectedByToday, pacingPercent, pacingStatus } from "./pacing";
import { summarizeDelivery } from "./summarize-delivery";

export type DeliveryDay = { day: string; impressions: number; clicks: number };
/** One line item's delivery on one day, as the order's CSV export lists it. */
export type OrderDeliveryRow = DeliveryDay & { lineItemId: number; zone: string };

/**
 * The delivery view (issue 4): per order and per line item impressions, clicks, CTR,
 * delivered vs booked and pacing against an even spread over the flight, with the daily
 * rows behind them. The order is read through the actor's scope, so another
 * advertiser's stats are indistinguishable from an order that does not exist.
 */
export async function getOrderDelivery(
  ctx: Ctx,
  orderId: number,
  { lineItemId }: { lineItemId?: number } = {},
) {
  const loaded = await getOrderForActorOrThrow(ctx.db, ctx.actor, orderId);
  const { order, publisher } = loaded;
  if (lineItemId !== undefined && !loaded.lineItems.some((li) => li.id === lineItemId)) {
    throw new NotFound(`Line item #${lineItemId} of order #${orderId}`);
  }
  const today = calendarDayIn(ctx.now, publisher.timezone);
  const ids = loaded.lineItems.map((li) => li.id);
  const zones = await lineItemZones(ctx.db, loaded.lineItems);
  const daily = ids.length
    ? await ctx.db
        .select({
          lineItemId: deliveryDaily.lineItemId,
          day: deliveryDaily.day,
          impressions: sql<string>`sum(${deliveryDaily.impressions})`.mapWith(Number),
          clicks: sql<string>`sum(${deliveryDaily.clicks})`.mapWith(Number),
        })
        .from(deliveryDaily)
        .where(inArray(deliveryDaily.lineItemId, ids))
        .groupBy(deliveryDaily.lineItemId, deliveryDaily.day)
        .orderBy(asc(deliveryDaily.day), asc(deliveryDaily.lineItemId))
    : [];
  const zoneName = (zoneId: number) => zones.find((z) => z.id === zoneId)?.name ?? `Zone #${zoneId}`;

  const lineItems = loaded.lineItems.map((li) => {
    const own = daily.filter((d) => d.lineItemId === li.id);
    const impressions = own.reduce((sum, d) => sum + d.impressions, 0);
    const clicks = own.reduce((sum, d) => sum + d.clicks, 0);
    const delivered =
      li.model === "cpm" ? impressions : li.model === "cpc" ? clicks : deliveredUnits(li, today);
    const expected = li.status === "canceled" ? 0 : expectedByToday(li.quantity, li, today);
    return {
      id: li.id,
      zone: zoneName(li.zoneId),
      model: li.model,
      status: li.status,
      countries: li.countries,
      startDate: li.startDate,
      endDate: li.endDate,
      amount: li.amount,
      booked: li.quantity,
      impressions,
      clicks,
      ctr: clickThroughRate(impressions, clicks),
      delivered,
      deliveredPercent: li.quantity > 0 ? (delivered / li.quantity) * 100 : 0,
      expected,
      pacingPercent: li.status === "canceled" ? null : pacingPercent(delivered, expected),
      pacing: li.status === "canceled" ? null : pacingStatus(delivered, expected, li.quantity),
    };
  });

  const shown = lineItemId ? lineItems.filter((li) => li.id === lineItemId) : lineItems;
  const shownDaily = lineItemId ? daily.filter((d) => d.lineItemId === lineItemId) : daily;
  const byDay = new Map<string, DeliveryDay>();
  for (const d of shownDaily) {
    const entry = byDay.get(d.day) ?? { day: d.day, impressions: 0, clicks: 0 };
    entry.impressions += d.impressions;
    entry.clicks += d.clicks;
    byDay.set(d.day, entry);
  }
  const rows: OrderDeliveryRow[] = shownDaily.map((d) => ({
    ...d,
    zone: zoneName(loaded.lineItems.find((li) => li.id === d.lineItemId)!.zoneId),
  }));

  return {
    order: { id: order.id, name: order.name, status: order.status, currency: order.currency },
    timeZone: publisher.timezone,
    today,
    lineItemId: lineItemId ?? null,
    lineItems,
    shown,
    totals: summarizeDelivery(shown),
    daily: [...byDay.values()],
    rows,
  };
}

export type OrderDelivery = Awaited<ReturnType<typeof getOrderDelivery>>;
