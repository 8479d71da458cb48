import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { adServerConnections, lineItemSyncs } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";

export const listOrderSyncsInput = z.object({ orderId: id() });

export type LineItemSyncView = {
  lineItemId: number;
  status: "pending" | "synced" | "failed";
  change: string;
  remoteId: string | null;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  syncedAt: Date | null;
};

/**
 * Each line item's ad server sync for the order page: whether the publisher is connected,
 * and per line item the latest status (absent: never sent, e.g. not approved yet).
 */
export async function listOrderSyncs(ctx: Ctx, input: unknown) {
  const actor = requireStaff(ctx.actor);
  const data = listOrderSyncsInput.parse(input);
  const [connection] = await ctx.db
    .select({ enabled: adServerConnections.enabled })
    .from(adServerConnections)
    .where(eq(adServerConnections.publisherId, actor.publisherId));
  const rows = await ctx.db
    .select({
      lineItemId: lineItemSyncs.lineItemId,
      status: lineItemSyncs.status,
      change: lineItemSyncs.change,
      remoteId: lineItemSyncs.remoteId,
      attempts: lineItemSyncs.attempts,
      lastError: lineItemSyncs.lastError,
      lastAttemptAt: lineItemSyncs.lastAttemptAt,
      nextAttemptAt: lineItemSyncs.nextAttemptAt,
      syncedAt: lineItemSyncs.syncedAt,
    })
    .from(lineItemSyncs)
    .where(and(eq(lineItemSyncs.orderId, data.orderId), eq(lineItemSyncs.publisherId, actor.publisherId)));
  return {
    connected: connection?.enabled ?? false,
    byLineItem: new Map(rows.map((row) => [row.lineItemId, row as LineItemSyncView])),
    failed: rows.filter((row) => row.status === "failed").length,
  };
}
