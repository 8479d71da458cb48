import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { enqueueDeliveryAttempt } from "./enqueue-webhook-deliveries";
import { postSigned } from "./post-signed";

/** Waits before the 2nd, 3rd and 4th attempt; after the 4th a delivery is failed. */
export const webhookRetryDelaysMinutes = [1, 5, 30] as const;
/** A receiver that has not answered by then counts as failed (and is retried). */
export const webhookTimeoutMs = 10_000;

/**
 * One attempt of one delivery: POST the stored body, signed now, and record the answer.
 * A refusal, an error or a timeout schedules the next attempt (1, 5, then 30 minutes
 * later) instead of throwing, so the runner's own retry never doubles ours.
 */
export async function attemptWebhookDelivery(
  db: Queryable,
  deliveryId: number,
  now: Date,
  { timeoutMs = webhookTimeoutMs } = {},
) {
  const [row] = await db
    .select({
      delivery: webhookDeliveries,
      url: webhooks.url,
      secret: webhooks.secret,
      active: webhooks.active,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, deliveryId));
  // Removed with its webhook, or already settled: nothing to send.
  if (row?.delivery.status !== "pending") return;
  const { delivery } = row;
  const attempts = delivery.attempts + 1;
  if (!row.active) {
    await db
      .update(webhookDeliveries)
      .set({ status: "failed", lastError: "The webhook was turned off.", nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  const answer = await postSigned(row.url, {
    body: delivery.body,
    secret: row.secret,
    now,
    headers: {
      "user-agent": "AdDesk-Webhooks/1",
      "X-AdDesk-Event": delivery.event,
      "X-AdDesk-Delivery": String(delivery.id),
      "X-AdDesk-Attempt": String(attempts),
    },
    timeoutMs,
  });
  const delay = webhookRetryDelaysMinutes[attempts - 1];
  const retryAt = answer.error && delay !== undefined ? new Date(now.getTime() + delay * 60_000) : null;
  await db
    .update(webhookDeliveries)
    .set({
      status: answer.error ? (retryAt ? "pending" : "failed") : "succeeded",
      attempts,
      responseStatus: answer.status,
      responseMs: answer.ms,
      lastError: answer.error,
      lastAttemptAt: now,
      nextAttemptAt: retryAt,
    })
    .where(eq(webhookDeliveries.id, deliveryId));
  if (retryAt) await enqueueDeliveryAttempt(db, deliveryId, attempts + 1, retryAt);
}
