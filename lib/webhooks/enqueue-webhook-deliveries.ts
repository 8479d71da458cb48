import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { OrderStatus } from "@/lib/orders/types";
import { orderStatusBody, orderStatusChanged } from "./order-status-payload";

export const webhookDeliveryJobKind = "webhook-delivery";

/** The job that makes attempt `attempt` of a delivery: one job per attempt, so the runner never repeats one. */
export function enqueueDeliveryAttempt(db: Queryable, deliveryId: number, attempt: number, runAt: Date) {
  return enqueueJob(db, {
    kind: webhookDeliveryJobKind,
    uniqueKey: `${webhookDeliveryJobKind}:${deliveryId}:${attempt}`,
    payload: { deliveryId },
    runAt,
  });
}

/**
 * A delivery (and its first attempt's job) for each of the publisher's webhooks, in the
 * caller's transaction: a status change that rolls back sends nothing, and the sending
 * itself happens later in the jobs runner, so a slow or broken receiver never holds up
 * or undoes the change.
 */
export async function enqueueOrderStatusWebhooks(
  db: Queryable,
  event: {
    publisherId: number;
    orderId: number;
    type: string;
    from?: OrderStatus | null;
    to: OrderStatus;
    at: Date;
  },
) {
  const hooks = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.publisherId, event.publisherId), eq(webhooks.active, true)));
  if (hooks.length === 0) return;
  const body = orderStatusBody(event);
  const deliveries = await db
    .insert(webhookDeliveries)
    .values(
      hooks.map((hook) => ({
        webhookId: hook.id,
        publisherId: event.publisherId,
        orderId: event.orderId,
        event: orderStatusChanged,
        body,
        nextAttemptAt: event.at,
        createdAt: event.at,
      })),
    )
    .returning({ id: webhookDeliveries.id });
  for (const delivery of deliveries) await enqueueDeliveryAttempt(db, delivery.id, 1, event.at);
}
