import { and, eq, type SQL, sql } from "drizzle-orm";
import { lineItemSyncs, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";

/** The orders list's "Ad server: sync failed" filter: some line item of the order failed to sync. */
export function failedSyncCondition(): SQL {
  return sql`exists (select 1 from ${lineItemSyncs}
    where ${lineItemSyncs.orderId} = ${orders.id} and ${lineItemSyncs.publisherId} = ${orders.publisherId}
      and ${lineItemSyncs.status} = 'failed')`;
}

/** The publisher's orders with a line item whose sync failed, and how many line items each (the desk badge). */
export async function failedSyncOrders(ctx: Ctx) {
  const actor = requireStaff(ctx.actor);
  const rows = await ctx.db
    .select({ orderId: lineItemSyncs.orderId, failed: sql<number>`count(*)::int` })
    .from(lineItemSyncs)
    .where(and(eq(lineItemSyncs.publisherId, actor.publisherId), eq(lineItemSyncs.status, "failed")))
    .groupBy(lineItemSyncs.orderId);
  return new Map(rows.map((row) => [row.orderId, Number(row.failed)]));
}
