import { and, count, eq, exists, gte, ilike, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { adZones, lineItems, orders, publishers } from "@/db/schema";
import { orderStatus } from "@/db/schema/enums";
import type { Ctx } from "@/lib/core/context";
import { parseListParams } from "@/lib/core/list-params";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { firstParam, type SearchParamsInput } from "@/lib/core/search-params";
import { calendarDay, maxId, optionalId, optionalText, wholeNumber } from "@/lib/core/validation";
import { orderScope } from "@/lib/orders/get-order-for-actor";
import { containsPattern, isOrderNumberSearch } from "@/lib/orders/list-orders-where";

export const advertiserOrderSorts = ["submitted", "lastActivity", "estimatedCompletion"] as const;
export type AdvertiserOrderSort = (typeof advertiserOrderSorts)[number];

const day = calendarDay("Use a date like 2025-03-31.");

export const listAdvertiserOrdersInput = z.object({
  status: z.enum(orderStatus.enumValues).optional(),
  zoneId: optionalId(),
  /** Orders running on any day from `from` to `to`. */
  from: day.optional(),
  to: day.optional(),
  q: optionalText({ max: 200, tooLong: "Search for at most 200 characters." }),
  sort: z.enum(advertiserOrderSorts).default("submitted"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: wholeNumber({ min: 1, max: maxId }).default(1),
  pageSize: wholeNumber({ min: 1, max: 100 }).default(25),
});
export type listAdvertiserOrdersInput = z.input<typeof listAdvertiserOrdersInput>;

/** The list's input from the URL; a malformed filter is dropped rather than failing the page. */
export function listAdvertiserOrdersParams(params: SearchParamsInput) {
  const list = parseListParams(params, {
    sortable: advertiserOrderSorts,
    defaultSort: { id: "submitted", dir: "desc" },
  });
  const valid = <T>(schema: z.ZodType<T>, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const pick = <T>(schema: z.ZodType<T>, key: string) => valid(schema, firstParam(params, key));
  return listAdvertiserOrdersInput.parse({
    status: pick(listAdvertiserOrdersInput.shape.status, "status"),
    zoneId: pick(listAdvertiserOrdersInput.shape.zoneId, "zoneId"),
    from: pick(day, "from"),
    to: pick(day, "to"),
    q: valid(listAdvertiserOrdersInput.shape.q, list.q?.slice(0, 200)),
    sort: list.sort.id,
    dir: list.sort.dir,
    page: list.page,
    pageSize: list.pageSize,
  });
}

// Written out with table names: drizzle leaves columns unqualified in a one-table select,
// which inside these subqueries would be ambiguous.
/** The latest quote's estimated completion, else the last day of the campaign. */
const estimatedCompletion = sql<string | null>`coalesce((
    select q.estimated_completion from quotes q
    where q.order_id = "orders"."id" and q.status in ('sent', 'accepted')
    order by q.id desc limit 1
  ), "orders"."end_date")`;

const zoneNames = sql<string | null>`(
    select string_agg(distinct z.name, ', ' order by z.name) from line_items li
    join ad_zones z on z.id = li.zone_id
    where li.order_id = "orders"."id"
  )`;

const sortColumns: Record<AdvertiserOrderSort, SQL> = {
  submitted: sql`${orders.createdAt}`,
  lastActivity: sql`${orders.lastActivityAt}`,
  estimatedCompletion: sql`${estimatedCompletion}`,
};

/**
 * Seed 004 "My Orders": the advertiser's own orders with search, filters (status, zone,
 * dates) and sorts (submitted, last activity, estimated completion). Ownership is in
 * the WHERE clause (orderScope), so no filter can reach another advertiser's orders.
 */
export async function listAdvertiserOrders(ctx: Ctx, input: listAdvertiserOrdersInput) {
  const actor = requireAdvertiser(ctx.actor);
  const data = listAdvertiserOrdersInput.parse(input);
  const number = /^#?(\d{1,9})$/.exec(data.q ?? "");
  const where = and(
    orderScope(actor),
    // "#1234" names one order, so it is found archived too; otherwise archived only on request.
    data.status
      ? eq(orders.status, data.status)
      : isOrderNumberSearch(data.q)
        ? undefined
        : ne(orders.status, "archived"),
    data.zoneId
      ? exists(
          ctx.db
            .select({ one: sql`1` })
            .from(lineItems)
            .where(and(eq(lineItems.orderId, orders.id), eq(lineItems.zoneId, data.zoneId))),
        )
      : undefined,
    data.from ? gte(orders.endDate, data.from) : undefined,
    data.to ? lte(orders.startDate, data.to) : undefined,
    data.q
      ? or(number ? eq(orders.id, Number(number[1])) : undefined, ilike(orders.name, containsPattern(data.q)))
      : undefined,
  );
  const direction = sql.raw(`${data.dir} nulls last`);
  const rows = await ctx.db
    .select({
      id: orders.id,
      name: orders.name,
      status: orders.status,
      total: orders.net,
      currency: orders.currency,
      startDate: orders.startDate,
      endDate: orders.endDate,
      createdAt: orders.createdAt,
      lastActivityAt: orders.lastActivityAt,
      estimatedCompletion,
      zones: zoneNames,
    })
    .from(orders)
    .where(where)
    .orderBy(sql`${sortColumns[data.sort]} ${direction}`, sql`${orders.id} ${sql.raw(data.dir)}`)
    .limit(data.pageSize)
    .offset((data.page - 1) * data.pageSize);
  const [{ total }] = await ctx.db.select({ total: count() }).from(orders).where(where);
  const zoneOptions = await ctx.db
    .selectDistinct({ id: adZones.id, name: adZones.name })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .where(orderScope(actor))
    .orderBy(adZones.name);
  const [publisher] = await ctx.db
    .select({ slug: publishers.slug, name: publishers.name, timeZone: publishers.timezone })
    .from(publishers)
    .where(eq(publishers.id, actor.publisherId));
  return {
    rows,
    total,
    page: data.page,
    pageSize: data.pageSize,
    sort: data.sort,
    dir: data.dir,
    zoneOptions,
    publisher,
  };
}

export type AdvertiserOrderRow = Awaited<ReturnType<typeof listAdvertiserOrders>>["rows"][number];
