import { adServerSyncJobKind } from "@/lib/ad-server/enqueue-line-item-syncs";
import type { JobHandler } from "@/lib/jobs/run-claimed-job";
import { adServerSyncJob } from "@/lib/lifecycle/ad-server-sync-job";
import { lifecycleHandlers } from "@/lib/lifecycle/handlers";
import { deliverWebhookJob } from "@/lib/lifecycle/webhook-delivery-job";
import { surveyJobKind } from "@/lib/surveys/find-survey-steps";
import { sendSurvey } from "@/lib/surveys/send-survey";
import { webhookDeliveryJobKind } from "@/lib/webhooks/enqueue-webhook-deliveries";

/** Every kind of job the runner knows: the order lifecycle's steps, webhook deliveries and ad server syncs. */
export const jobHandlers: Record<string, JobHandler> = {
  ...lifecycleHandlers,
  [webhookDeliveryJobKind]: deliverWebhookJob,
  [adServerSyncJobKind]: adServerSyncJob,
  [surveyJobKind]: sendSurvey,
};
