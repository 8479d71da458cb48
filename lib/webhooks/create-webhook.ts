import { z } from "zod";
import { webhooks } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { newWebhookSecret } from "./webhook-signature";
import { webhookUrl } from "./webhook-url";

export const createWebhookInput = z.object({ url: webhookUrl() });
export type createWebhookInput = z.input<typeof createWebhookInput>;

export const webhookAdminsOnly = "Only owners and admins manage webhooks.";

/** A new webhook for the publisher's order status changes. Its secret is in the answer once. */
export async function createWebhook(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, webhookAdminsOnly);
  const data = createWebhookInput.parse(input);
  const secret = newWebhookSecret();
  const [row] = await ctx.db
    .insert(webhooks)
    .values({
      publisherId: actor.publisherId,
      url: data.url,
      secret,
      createdBy: actor.userId,
      createdAt: ctx.now,
    })
    .returning({ id: webhooks.id, url: webhooks.url });
  return { ...row, secret };
}
