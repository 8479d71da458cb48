import type { Queryable } from "@/db";
import { orderEvents } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { enqueueOrderStatusWebhooks } from "@/lib/webhooks/enqueue-webhook-deliveries";
import type { OrderStatus } from "./types";

export function actorColumns(actor: Actor) {
  const actorKind = actor.kind === "staff" || actor.kind === "advertiser" ? "user" : actor.kind;
  const actorUserId = actor.kind === "staff" || actor.kind === "advertiser" ? actor.userId : null;
  return { actorKind, actorUserId } as const;
}

/** Appends to the order's events log, in the caller's transaction. */
export async function recordOrderEvent(
  db: Queryable,
  event: {
    actor: Actor;
    publisherId: number;
    orderId: number;
    type: string;
    from?: OrderStatus | null;
    to?: OrderStatus | null;
    payload?: Record<string, unknown>;
    at: Date;
  },
) {
  await db.insert(orderEvents).values({
    ...actorColumns(event.actor),
    publisherId: event.publisherId,
    orderId: event.orderId,
    type: event.type,
    fromStatus: event.from ?? null,
    toStatus: event.to ?? null,
    payload: event.payload ?? {},
    at: event.at,
  });
  // Webhooks hear of every status change, queued in this same transaction.
  if (event.to && event.to !== event.from) await enqueueOrderStatusWebhooks(db, { ...event, to: event.to });
}
