import { count, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { orderStatus, orders } from "@/db/schema";
import type { StaffActor } from "@/lib/core/actor";
import { orderScope } from "./get-order-for-actor";
import type { OrderListStatus } from "./list-orders-input";

/**
 * The list is browsable this deep and its count never goes further: an exact count over
 * a million orders is a full index scan on every request, and past ten thousand rows
 * nobody pages; narrowing the filters or reversing the sort reaches the rest.
 */
export const orderCountCap = 10_000;

const countStep = 1_000;

/**
 * How far the list's count goes for a page: the next round thousand past the page's
 * last row, so there is always a "Next" when more rows exist and "2,000+" is true, yet
 * the count reads little more than the page itself does.
 */
export function countLimitFor(offset: number, pageSize: number): number {
  return Math.min(orderCountCap, Math.ceil((offset + pageSize + 1) / countStep) * countStep);
}

/**
 * Status tabs count only this far ("1,000+"): twelve tabs counted further would cost
 * more than the page itself. The chosen tab shows the list's own count.
 */
export const tabCountCap = 1_000;

/** `capped`: there are more than `count` (which is then the cap). */
export type CappedCount = { count: number; capped: boolean };

export function cappedCount(n: number, cap: number): CappedCount {
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}

/** "All" sums its statuses; it is capped if any part is. */
function sumOfCounts(parts: CappedCount[]): CappedCount {
  const total = parts.reduce((sum, c) => sum + c.count, 0);
  return parts.some((c) => c.capped) ? { count: tabCountCap, capped: true } : cappedCount(total, tabCountCap);
}

/** null: not counted (too many orders match the filters to tell the tabs apart cheaply). */
export type StatusTabCounts = Record<OrderListStatus | "all", CappedCount | null>;

/**
 * How many of the publisher's orders sit in each status tab when nothing but the tab
 * narrows the list. Each status is counted only up to the cap, index-only along
 * orders_pub_status_created, so this costs the same at 1,000 or 1,000,000 orders.
 */
export async function orderStatusTabCounts(db: Queryable, actor: StaffActor): Promise<StatusTabCounts> {
  const limit = tabCountCap + 1;
  const scope = orderScope(actor);
  const { rows } = await db.execute<{ status: string; n: number }>(sql`
    select s.status::text as status,
      (select count(*) from (
        select 1 from ${orders} where ${scope} and ${orders.status} = s.status limit ${limit}
      ) c)::int as n
    from unnest(enum_range(null::order_status)) as s(status)
    union all
    select 'needs_review',
      (select count(*) from (
        select 1 from ${orders}
        where ${scope} and ${orders.status} = 'pending_review' and ${orders.source} = 'self_serve'
        limit ${limit}
      ) c)::int`);
  const byStatus = new Map(rows.map((r) => [r.status, cappedCount(Number(r.n), tabCountCap)]));
  const get = (status: string) => byStatus.get(status) ?? { count: 0, capped: false };
  const counts = Object.fromEntries(
    [...orderStatus.enumValues, "needs_review" as const].map((s) => [s, get(s)]),
  ) as StatusTabCounts;
  counts.all = sumOfCounts(orderStatus.enumValues.filter((s) => s !== "archived").map(get));
  return counts;
}

/**
 * The tabs' counts within the list's other filters (`within`: everything but the status
 * tab, tenant scope included), so "All" says what the search finds. One pass reads at
 * most the cap's worth of matches, the way the list's own count does: counting each
 * tab separately would read a common word's matches a dozen times over. Past the cap
 * the tabs are not told apart (null), and the chosen tab shows the list's own count.
 * "All" is every status but archived, unless `allIncludesArchived` (an order number search).
 */
export async function filteredStatusTabCounts(
  db: Queryable,
  within: SQL,
  { allIncludesArchived = false, along }: { allIncludesArchived?: boolean; along?: SQL[] } = {},
): Promise<StatusTabCounts> {
  const { rows } = await db.execute<{ status: string; needs_review: boolean; n: number }>(sql`
    select m.status::text as status,
      (m.status = 'pending_review' and m.source = 'self_serve') as needs_review,
      count(*)::int as n
    from (select ${orders.status} as status, ${orders.source} as source from ${orders}
      where ${within} ${alongClause(along)} limit ${tabCountCap + 1}) m
    group by 1, 2`);
  const tabs = [...orderStatus.enumValues, "needs_review" as const, "all" as const];
  const read = rows.reduce((sum, r) => sum + Number(r.n), 0);
  if (read > tabCountCap) return Object.fromEntries(tabs.map((t) => [t, null])) as StatusTabCounts;
  const count = (keep: (r: (typeof rows)[number]) => boolean): CappedCount => ({
    count: rows.filter(keep).reduce((sum, r) => sum + Number(r.n), 0),
    capped: false,
  });
  const counts = Object.fromEntries(
    orderStatus.enumValues.map((s) => [s, count((r) => r.status === s)]),
  ) as StatusTabCounts;
  counts.needs_review = count((r) => r.needs_review);
  counts.all = count((r) => allIncludesArchived || r.status !== "archived");
  return counts;
}

/**
 * Which matches a capped count reads makes no difference to the numbers (the first `cap + 1`
 * in any order), only to the plan: `along` names an index order (orderListCountOrder) that
 * lets PostgreSQL read them from that index when they are many, while few matches are still
 * found through their own index and sorted.
 */
function alongClause(along: SQL[] | undefined): SQL {
  return along?.length ? sql`order by ${sql.join(along, sql`, `)}` : sql``;
}

/** Orders matching `where`, counted up to `cap`; `along`: see alongClause. */
export async function cappedOrderCount(
  db: Queryable,
  where: SQL,
  cap: number,
  along?: SQL[],
): Promise<CappedCount> {
  const matching = db
    .select({ one: sql`1` })
    .from(orders)
    .where(where)
    .orderBy(...(along ?? []))
    .limit(cap + 1)
    .as("matching");
  const [row] = await db.select({ n: count() }).from(matching);
  return cappedCount(row?.n ?? 0, cap);
}
