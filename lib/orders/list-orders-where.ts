import { and, eq, gte, ilike, inArray, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, orders } from "@/db/schema";
import { failedSyncCondition } from "@/lib/ad-server/failed-sync-orders";
import type { StaffActor } from "@/lib/core/actor";
import { orderScope } from "./get-order-for-actor";
import type { OrderListSort, OrderListStatus, orderListFilters } from "./list-orders-input";

/** `%text%` for ILIKE, with the person's own % and _ matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const orderNumber = /^#?(\d{1,9})$/;

// An explicit id list lets the planner use orders_pub_advertiser (and OR it with the name
// search); past this many matches a subquery is cheaper to send than the list.
const advertiserListLimit = 1000;

async function advertiserCondition(
  db: Queryable,
  publisherId: number,
  pattern: string,
): Promise<SQL | undefined> {
  const matching = and(eq(advertisers.publisherId, publisherId), ilike(advertisers.company, pattern));
  const rows = await db
    .select({ id: advertisers.id })
    .from(advertisers)
    .where(matching)
    .limit(advertiserListLimit + 1);
  if (rows.length === 0) return undefined;
  if (rows.length <= advertiserListLimit) {
    return inArray(
      orders.advertiserId,
      rows.map((r) => r.id),
    );
  }
  return inArray(orders.advertiserId, db.select({ id: advertisers.id }).from(advertisers).where(matching));
}

/**
 * "1234" finds order #1234 and names or companies containing 1234; "#1234" only the
 * order; anything else is a case-insensitive substring of the order name or company.
 */
async function keywordCondition(db: Queryable, actor: StaffActor, q: string): Promise<SQL> {
  const number = orderNumber.exec(q);
  const byId = number ? eq(orders.id, Number(number[1])) : undefined;
  if (byId && q.startsWith("#")) return byId;
  const pattern = containsPattern(q);
  const byCompany = await advertiserCondition(db, actor.publisherId, pattern);
  return or(byId, ilike(orders.name, pattern), byCompany) as SQL;
}

/** "#1234" names one order: it is found whatever its status, archived too. */
export function isOrderNumberSearch(q: string | undefined): boolean {
  return q?.startsWith("#") === true && orderNumber.test(q);
}

/** The status tab's condition; "All" is every status but archived, except for an order number search. */
function statusCondition(status: OrderListStatus | undefined, q: string | undefined): SQL | undefined {
  if (status === undefined) return isOrderNumberSearch(q) ? undefined : ne(orders.status, "archived");
  if (status === "needs_review") {
    return and(eq(orders.status, "pending_review"), eq(orders.source, "self_serve")) as SQL;
  }
  return eq(orders.status, status);
}

/** Midnight starting `day` in `timeZone`, as an instant. */
function startOfDay(day: string, timeZone: string): SQL {
  return sql`((${day})::date)::timestamp at time zone ${timeZone}`;
}

function startOfNextDay(day: string, timeZone: string): SQL {
  return sql`((${day})::date + 1)::timestamp at time zone ${timeZone}`;
}

/** True when anything beyond the status tab narrows the list. */
export function hasNonStatusFilters(filters: orderListFilters): boolean {
  const { source, advertiserId, propertyId, salesManagerId, from, to, q, sync } = filters;
  return [source, advertiserId, propertyId, salesManagerId, from, to, q, sync].some((v) => v !== undefined);
}

/**
 * Every filter but the status tab, tenant scoping included (orderScope): what the tab
 * counts count within, so "All" says how many the search finds.
 */
export async function orderListFilterWhere(
  db: Queryable,
  actor: StaffActor,
  filters: orderListFilters,
  timeZone: string,
): Promise<SQL> {
  const { source, advertiserId, propertyId, salesManagerId, from, to, q, sync } = filters;
  return and(
    orderScope(actor),
    source ? eq(orders.source, source) : undefined,
    advertiserId ? eq(orders.advertiserId, advertiserId) : undefined,
    propertyId ? eq(orders.propertyId, propertyId) : undefined,
    salesManagerId ? eq(orders.salesManagerId, salesManagerId) : undefined,
    from ? gte(orders.createdAt, startOfDay(from, timeZone)) : undefined,
    to ? lt(orders.createdAt, startOfNextDay(to, timeZone)) : undefined,
    q ? await keywordCondition(db, actor, q) : undefined,
    sync === "failed" ? failedSyncCondition() : undefined,
  ) as SQL;
}

/**
 * The WHERE clause of the orders list and its export. Tenant scoping is part of it
 * (orderScope), so no filter combination can reach another publisher's orders.
 */
export async function orderListWhere(
  db: Queryable,
  actor: StaffActor,
  filters: orderListFilters,
  timeZone: string,
): Promise<SQL> {
  return withStatusTab(await orderListFilterWhere(db, actor, filters, timeZone), filters);
}

/** Narrows orderListFilterWhere to the chosen status tab. */
export function withStatusTab(filterWhere: SQL, filters: orderListFilters): SQL {
  return and(filterWhere, statusCondition(filters.status, filters.q)) as SQL;
}

const sortColumns = {
  createdAt: orders.createdAt,
  lastActivityAt: orders.lastActivityAt,
  startDate: orders.startDate,
  total: orders.net,
} as const;

/**
 * NULLS placement must match the index exactly, even for NOT NULL columns, or PostgreSQL
 * sorts every matching row instead of walking the index: orders_pub_created and
 * orders_pub_activity are DESC NULLS LAST, orders_pub_start and orders_pub_net ASC
 * NULLS LAST (so descending they read NULLS FIRST).
 */
const indexNulls: Record<OrderListSort, Record<"asc" | "desc", "first" | "last">> = {
  createdAt: { asc: "first", desc: "last" },
  lastActivityAt: { asc: "first", desc: "last" },
  startDate: { asc: "last", desc: "first" },
  total: { asc: "last", desc: "first" },
};

function sortOrder(sort: OrderListSort, dir: "asc" | "desc"): SQL {
  return sql.raw(`${dir} nulls ${indexNulls[sort][dir]}`);
}

/**
 * The order a keyword search's matches are counted in (the list's count and its tab counts):
 * along orders_pub_net, whose entries carry the name, so counting a common word's first
 * few thousand matches reads that index alone rather than the rows themselves (about five
 * times faster at a million orders, bench/orders-list.ts). Undefined when there is no
 * keyword (the filters' own indexes serve the count) or for "#1234", which is one row.
 */
export function orderListCountOrder(q: string | undefined): SQL[] | undefined {
  if (q === undefined || isOrderNumberSearch(q)) return undefined;
  return [sql`${orders.publisherId}`, sql`${orders.net}`, sql`${orders.id}`];
}

/**
 * The id breaks ties so pages never overlap. Orders without a start date come last
 * ascending and first descending, the way orders_pub_start reads either way.
 */
export function orderListOrderBy(sort: OrderListSort, dir: "asc" | "desc"): SQL[] {
  const order = sortOrder(sort, dir);
  return [sql`${sortColumns[sort]} ${order}`, sql`${orders.id} ${order}`];
}

/**
 * A condition selecting the ids of one page, by one of two plans:
 *
 * - Many matches (the count stopped at its cap): walk the sort's index from the top,
 *   filtering as it goes, and stop after the page; matches are dense, so it is short.
 * - Every match counted (a few thousand at most): fetch them all by the most selective
 *   filter's index, then sort. Walking the sort's index instead could pass a million
 *   rows to find a handful. OFFSET 0 keeps PostgreSQL from pulling the ORDER BY into
 *   the subquery, which would bring that walk back.
 */
export function orderListPageIds(
  where: SQL,
  {
    sort,
    dir,
    limit,
    offset,
    allCounted,
  }: {
    sort: OrderListSort;
    dir: "asc" | "desc";
    limit: number;
    offset: number;
    allCounted: boolean;
  },
): SQL {
  const order = sortOrder(sort, dir);
  const key = sortColumns[sort];
  const ids = allCounted
    ? sql`select id from (select ${orders.id} as id, ${key} as k from ${orders} where ${where} offset 0) matching
        order by k ${order}, id ${order} limit ${limit} offset ${offset}`
    : sql`select ${orders.id} from ${orders} where ${where}
        order by ${key} ${order}, ${orders.id} ${order} limit ${limit} offset ${offset}`;
  return sql`${orders.id} in (${ids})`;
}
