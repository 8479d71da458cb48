import { and, asc, count, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { lineItems, orders, users } from "@/db/schema";
import type { ApiActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { loadApiOrders } from "./api-order";
import type { apiStatusNames, listOrdersQuery } from "./schemas";

type ApiStatusName = (typeof apiStatusNames)[number];

const pendingStatuses = ["draft", "quote_requested", "quoted", "pending_review", "approved"] as const;

/** A canceled order whose credit was refunded in full (lib/orders/api-status.ts, in SQL). */
const fullyRefunded = sql`(
  select s.refunded > 0
    and greatest(0, least(s.paid - s.refunded, -(s.charged + s.adjusted - s.discounted - s.credited - s.paid + s.refunded))) = 0
  from (
    select
      coalesce(sum(amount) filter (where kind = 'charge'), 0) as charged,
      coalesce(sum(amount) filter (where kind = 'discount'), 0) as discounted,
      coalesce(sum(amount) filter (where kind = 'adjustment'), 0) as adjusted,
      coalesce(sum(amount) filter (where kind = 'credit_note'), 0) as credited,
      coalesce(sum(amount) filter (where kind = 'payment'), 0) as paid,
      coalesce(sum(amount) filter (where kind = 'refund'), 0) as refunded
    from ledger_entries where ledger_entries.order_id = ${orders.id}
  ) s
)`;

/** The orders whose seed-002 status is `name`, as apiStatus() names them. */
export function apiStatusWhere(name: ApiStatusName): SQL {
  switch (name) {
    case "pending":
      return inArray(orders.status, [...pendingStatuses]);
    case "playing":
      return eq(orders.status, "live");
    case "paused":
      return eq(orders.status, "paused");
    case "archived":
      return eq(orders.status, "archived");
    case "refunded":
      return and(eq(orders.status, "canceled"), fullyRefunded)!;
    case "stopped":
      return sql`(${inArray(orders.status, ["completed", "rejected"])} or (${eq(orders.status, "canceled")} and not ${fullyRefunded}))`;
    // Actions take effect at once in AdDesk: no order is ever on its way to paused or stopped.
    case "pausing":
    case "stopping":
      return sql`false`;
  }
}

/** A page of the key's publisher's orders, oldest first (by id, so pages never shift as orders change). */
export async function listApiOrders(ctx: Ctx & { actor: ApiActor }, query: z.output<typeof listOrdersQuery>) {
  const conditions: (SQL | undefined)[] = [
    eq(orders.publisherId, ctx.actor.publisherId),
    query.contactid === undefined ? undefined : eq(orders.advertiserId, query.contactid),
    query.campaignid === undefined ? undefined : eq(orders.advertiserId, query.campaignid),
    query.status === undefined ? undefined : apiStatusWhere(query.status),
    query.updated_since === undefined ? undefined : gte(orders.lastActivityAt, query.updated_since),
    query.zoneid === undefined
      ? undefined
      : sql`exists (select 1 from ${lineItems} where ${lineItems.orderId} = ${orders.id} and ${lineItems.zoneId} = ${query.zoneid})`,
    query.username === undefined
      ? undefined
      : sql`exists (select 1 from ${users} where ${users.id} = ${orders.createdBy} and lower(${users.email}) = lower(${query.username}))`,
  ];
  const where = and(...conditions);
  const [{ total }] = await ctx.db.select({ total: count() }).from(orders).where(where);
  const ids = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(where)
    .orderBy(asc(orders.id))
    .limit(query.pagesize)
    .offset((query.page - 1) * query.pagesize);
  const items = await loadApiOrders(
    ctx.db,
    ctx.actor.publisherId,
    ids.map((row) => row.id),
    ctx.now,
  );
  return { total, page: query.page, pagesize: query.pagesize, items };
}
