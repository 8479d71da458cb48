import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { webhookAdminsOnly } from "./create-webhook";

export const deleteWebhookInput = z.object({ webhookId: id("Choose a webhook.") });
export type deleteWebhookInput = z.input<typeof deleteWebhookInput>;

/** Removes a webhook: no more deliveries; its pending ones stop at their next attempt. */
export async function deleteWebhook(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, webhookAdminsOnly);
  const data = deleteWebhookInput.parse(input);
  const [row] = await ctx.db
    .delete(webhooks)
    .where(and(eq(webhooks.id, data.webhookId), eq(webhooks.publisherId, actor.publisherId)))
    .returning({ id: webhooks.id, url: webhooks.url });
  if (!row) throw new NotFound("That webhook");
  return row;
}
