import { desc, eq } from "drizzle-orm";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { webhookAdminsOnly } from "./create-webhook";

export const listedDeliveries = 50;

/** The publisher's webhooks (never their secrets) and the last 50 deliveries with their answers. */
export async function listWebhooks(ctx: Ctx) {
  const actor = requireStaffAdmin(ctx.actor, webhookAdminsOnly);
  const hooks = await ctx.db
    .select({ id: webhooks.id, url: webhooks.url, createdAt: webhooks.createdAt })
    .from(webhooks)
    .where(eq(webhooks.publisherId, actor.publisherId))
    .orderBy(desc(webhooks.id));
  const deliveries = await ctx.db
    .select({
      id: webhookDeliveries.id,
      url: webhooks.url,
      event: webhookDeliveries.event,
      orderId: webhookDeliveries.orderId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      responseMs: webhookDeliveries.responseMs,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.publisherId, actor.publisherId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(listedDeliveries);
  return { webhooks: hooks, deliveries };
}
export type WebhookDeliveryRow = Awaited<ReturnType<typeof listWebhooks>>["deliveries"][number];
