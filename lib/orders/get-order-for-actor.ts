import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { feedbackRequests, lineItems, orders, publishers } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { NotFound } from "@/lib/core/errors";
import { isId } from "@/lib/core/validation";

/**
 * Tenant (and, for advertisers, ownership) scoping lives in the WHERE clause: an order of
 * another publisher or advertiser is indistinguishable from one that does not exist.
 */
export function orderScope(actor: Actor): SQL | undefined {
  if (actor.kind === "system") return undefined;
  const tenant = eq(orders.publisherId, actor.publisherId);
  return actor.kind === "advertiser" ? and(tenant, eq(orders.advertiserId, actor.advertiserId)) : tenant;
}

/**
 * The order with its line items and publisher settings. With `lock`, the order row is
 * locked for the rest of the transaction so concurrent actions on it run one at a time.
 */
export async function getOrderForActorOrThrow(
  db: Queryable,
  actor: Actor,
  orderId: number,
  { lock = false }: { lock?: boolean } = {},
) {
  // An id no row can have (past 32 bits, say) is simply not found, never a database error.
  if (!isId(orderId)) throw new NotFound(`Order #${orderId}`);
  const query = db
    .select({
      order: orders,
      publisher: publishers,
      /** Staff sent a draft the advertiser has not answered yet (seed 004's "Waiting for Partner"). */
      draftWaiting: sql<boolean>`exists (select 1 from ${feedbackRequests} where ${feedbackRequests.orderId} = ${orders.id} and ${feedbackRequests.status} = 'waiting')`,
    })
    .from(orders)
    .innerJoin(publishers, eq(publishers.id, orders.publisherId))
    .where(and(eq(orders.id, orderId), orderScope(actor)));
  const [row] = lock ? await query.for("update", { of: orders }) : await query;
  if (!row) throw new NotFound(`Order #${orderId}`);
  const items = await db
    .select()
    .from(lineItems)
    .where(eq(lineItems.orderId, orderId))
    .orderBy(asc(lineItems.id));
  return { ...row, lineItems: items };
}

export type LoadedOrder = Awaited<ReturnType<typeof getOrderForActorOrThrow>>;
