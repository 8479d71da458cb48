import type { JobHandler } from "@/lib/jobs/run-claimed-job";
import { attemptWebhookDelivery } from "@/lib/webhooks/attempt-webhook-delivery";

/** The jobs runner's side of a webhook delivery: one attempt; lib/webhooks schedules the next. */
export const deliverWebhookJob: JobHandler = (tx, payload, now) =>
  attemptWebhookDelivery(tx, Number(payload.deliveryId), now);
