import { eq } from "drizzle-orm";
import { adServerConnections } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";

export const adServerAdminsOnly = "Only owners and admins manage the ad server connection.";

/** The publisher's ad server connection (never its secret), or null when there is none. */
export async function getAdServerConnection(ctx: Ctx) {
  const actor = requireStaffAdmin(ctx.actor, adServerAdminsOnly);
  const [row] = await ctx.db
    .select({
      url: adServerConnections.url,
      enabled: adServerConnections.enabled,
      updatedAt: adServerConnections.updatedAt,
    })
    .from(adServerConnections)
    .where(eq(adServerConnections.publisherId, actor.publisherId));
  return row ?? null;
}
