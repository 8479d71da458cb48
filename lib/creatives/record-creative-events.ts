import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { orders } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

/**
 * A creative's review or assignment is a step in the life of every order it serves:
 * each gets an event in its log (in the caller's transaction) and counts as activity.
 */
export async function recordCreativeEvents(
  db: Queryable,
  event: {
    actor: Actor;
    publisherId: number;
    orderIds: readonly number[];
    type: string;
    payload: Record<string, unknown>;
    at: Date;
  },
) {
  const orderIds = [...new Set(event.orderIds)];
  if (orderIds.length === 0) return;
  for (const orderId of orderIds) {
    await recordOrderEvent(db, {
      actor: event.actor,
      publisherId: event.publisherId,
      orderId,
      type: event.type,
      payload: event.payload,
      at: event.at,
    });
  }
  await db
    .update(orders)
    .set({ lastActivityAt: event.at })
    .where(and(eq(orders.publisherId, event.publisherId), inArray(orders.id, orderIds)));
}
