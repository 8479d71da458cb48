import type { OutsideJobHandler } from "@/lib/jobs/run-claimed-job";
import { attemptWebhookDelivery } from "@/lib/webhooks/attempt-webhook-delivery";

/**
 * The jobs runner's side of a webhook delivery: one attempt, outside any transaction so
 * a slow receiver holds no database connection; lib/webhooks schedules the next attempt.
 */
export const deliverWebhookJob: OutsideJobHandler = {
  outside: (db, payload, now) => attemptWebhookDelivery(db, Number(payload.deliveryId), now),
};
