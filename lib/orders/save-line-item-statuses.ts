import { eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { lineItems } from "@/db/schema";
import { enqueueLineItemSyncs, statusChange } from "@/lib/ad-server/enqueue-line-item-syncs";
import type { SyncChange } from "@/lib/ad-server/sync-payload";
import type { Ctx } from "@/lib/core/context";
import type { LoadedOrder } from "./get-order-for-actor";
import type { LineItemSnapshot, PausedBy } from "./types";

/** Which party an actor pauses for: the advertiser, or the publisher (staff, API, scheduler). */
export function pausingParty(ctx: Ctx): PausedBy {
  return ctx.actor.kind === "advertiser" ? "advertiser" : "publisher";
}

/**
 * Stores the line item statuses the machine decided, stamping cancellations and who paused,
 * and queues the publisher's ad server call for each change in the same transaction.
 */
export async function saveLineItemStatuses(
  tx: Transaction,
  ctx: Ctx,
  loaded: LoadedOrder,
  next: LineItemSnapshot[],
  cancelReason?: string,
) {
  const changes: { lineItemId: number; change: SyncChange }[] = [];
  for (const li of next) {
    const before = loaded.lineItems.find((x) => x.id === li.id);
    if (!before || before.status === li.status) continue;
    const canceled = li.status === "canceled";
    await tx
      .update(lineItems)
      .set({
        status: li.status,
        pausedBy: li.status === "paused" ? pausingParty(ctx) : null,
        ...(canceled ? { canceledAt: ctx.now, cancelReason: cancelReason ?? null } : {}),
      })
      .where(eq(lineItems.id, li.id));
    const change = statusChange(before.status, li.status);
    if (change) changes.push({ lineItemId: li.id, change });
  }
  await enqueueLineItemSyncs(tx, {
    publisherId: loaded.order.publisherId,
    orderId: loaded.order.id,
    changes,
    at: ctx.now,
  });
}
