import { z } from "zod";
import { adServerConnections } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { checkbox } from "@/lib/core/validation";
import { newWebhookSecret } from "@/lib/webhooks/webhook-signature";
import { webhookUrl } from "@/lib/webhooks/webhook-url";
import { adServerAdminsOnly } from "./get-ad-server-connection";

export const saveAdServerConnectionInput = z.object({
  url: webhookUrl("Enter the address of your ad server's AdDesk endpoint."),
  enabled: checkbox(),
  newSecret: checkbox(),
});
export type saveAdServerConnectionInput = z.input<typeof saveAdServerConnectionInput>;

/**
 * Connects the publisher's ad server, or changes its address or on/off switch. A secret is
 * made on the first save and when `newSecret` is ticked, and is in the answer only then.
 * Turned off, changes are not queued (and queued ones fail with that reason, for Retry).
 */
export async function saveAdServerConnection(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, adServerAdminsOnly);
  const data = saveAdServerConnectionInput.parse(input);
  const secret = newWebhookSecret();
  const [row] = await ctx.db
    .insert(adServerConnections)
    .values({
      publisherId: actor.publisherId,
      url: data.url,
      secret,
      enabled: data.enabled,
      updatedBy: actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: adServerConnections.publisherId,
      set: {
        url: data.url,
        enabled: data.enabled,
        updatedBy: actor.userId,
        updatedAt: ctx.now,
        ...(data.newSecret ? { secret } : {}),
      },
    })
    .returning({
      url: adServerConnections.url,
      enabled: adServerConnections.enabled,
      secret: adServerConnections.secret,
      createdAt: adServerConnections.createdAt,
      updatedAt: adServerConnections.updatedAt,
    });
  const fresh = row.secret === secret;
  return { url: row.url, enabled: row.enabled, secret: fresh ? secret : null };
}
