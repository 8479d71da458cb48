import { and, asc, count, countDistinct, eq, gte, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { deliveryDaily, lineItems } from "@/db/schema";
import { type DeliveryTotals, toApiStatistic } from "./api-order";
import type { ApiCtx } from "./api-route";
import { getApiOrder } from "./get-api-order";
import type { ApiOrderStatistic, statisticsQuery } from "./schemas";

const total = (column: unknown) => sql<string>`coalesce(sum(${column}), 0)`.mapWith(Number);

/**
 * GET /api/v1/orders/statistics/<id>: one statistic per day with delivery between
 * fromdate and todate (oldest first, paged); without dates, the latest: the order's
 * totals so far, as its order_statistic shows them.
 */
export async function apiOrderStatistics(
  ctx: ApiCtx,
  orderId: number,
  query: z.output<typeof statisticsQuery>,
): Promise<{ total: number; page: number; pagesize: number; items: ApiOrderStatistic[] }> {
  const order = await getApiOrder(ctx, orderId);
  const paging = { page: query.page, pagesize: query.pagesize };
  if (!query.fromdate && !query.todate) {
    return { total: 1, ...paging, items: query.page === 1 ? [order.order_statistic] : [] };
  }
  const where = and(
    eq(lineItems.orderId, orderId),
    eq(lineItems.publisherId, ctx.actor.publisherId),
    query.fromdate ? gte(deliveryDaily.day, query.fromdate) : undefined,
    query.todate ? lte(deliveryDaily.day, query.todate) : undefined,
  );
  const [{ days }] = await ctx.db
    .select({ days: countDistinct(deliveryDaily.day) })
    .from(deliveryDaily)
    .innerJoin(lineItems, eq(lineItems.id, deliveryDaily.lineItemId))
    .where(where);
  const rows = await ctx.db
    .select({
      day: deliveryDaily.day,
      impressions: total(deliveryDaily.impressions),
      clicks: total(deliveryDaily.clicks),
      uniques: total(deliveryDaily.uniques),
      conversions: total(deliveryDaily.conversions),
      rows: count(),
    })
    .from(deliveryDaily)
    .innerJoin(lineItems, eq(lineItems.id, deliveryDaily.lineItemId))
    .where(where)
    .groupBy(deliveryDaily.day)
    .orderBy(asc(deliveryDaily.day))
    .limit(query.pagesize)
    .offset((query.page - 1) * query.pagesize);
  const ref = { id: order.id, name: order.name };
  return {
    total: days,
    ...paging,
    items: rows.map((row) => {
      const counts: DeliveryTotals = { ...row, days: 1 };
      return toApiStatistic(counts, `${row.day}T00:00:00`, ref);
    }),
  };
}
