import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { lineItemCreatives, lineItems } from "@/db/schema";
import { enqueueLineItemSyncs } from "./enqueue-line-item-syncs";
import type { SyncChange } from "./sync-payload";

/** Line items the ad server already knows and that may still serve. */
const syncedStatuses = ["ready", "delivering", "paused"] as const;

/**
 * A creative's review (or its assignment) changes what its line items may serve: each
 * approved, open line item using one of `creativeIds` (only those of `lineItemIds`, when
 * given) is queued for the ad server, in the caller's transaction.
 */
export async function enqueueCreativeSyncs(
  db: Queryable,
  event: {
    publisherId: number;
    creativeIds: readonly number[];
    lineItemIds?: readonly number[];
    change: SyncChange;
    at: Date;
  },
) {
  if (event.creativeIds.length === 0 || event.lineItemIds?.length === 0) return;
  const rows = await db
    .selectDistinct({ lineItemId: lineItems.id, orderId: lineItems.orderId })
    .from(lineItemCreatives)
    .innerJoin(lineItems, eq(lineItems.id, lineItemCreatives.lineItemId))
    .where(
      and(
        inArray(lineItemCreatives.creativeId, [...event.creativeIds]),
        eq(lineItems.publisherId, event.publisherId),
        inArray(lineItems.status, [...syncedStatuses]),
        event.lineItemIds ? inArray(lineItems.id, [...event.lineItemIds]) : undefined,
      ),
    );
  const byOrder = new Map<number, number[]>();
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row.lineItemId]);
  for (const [orderId, ids] of [...byOrder].sort((a, b) => a[0] - b[0])) {
    await enqueueLineItemSyncs(db, {
      publisherId: event.publisherId,
      orderId,
      changes: ids.sort((a, b) => a - b).map((lineItemId) => ({ lineItemId, change: event.change })),
      at: event.at,
    });
  }
}
