import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adServerConnections, lineItemSyncs } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { LineItemStatus } from "@/lib/orders/types";
import { lineItemSyncStates } from "./line-item-sync-states";
import type { SyncChange } from "./sync-payload";

export const adServerSyncJobKind = "ad-server-sync";

/** The job that makes the attempt holding `ticket`; a later change or retry takes a new ticket and voids it. */
export function enqueueSyncAttempt(db: Queryable, lineItemId: number, ticket: number, runAt: Date) {
  return enqueueJob(db, {
    kind: adServerSyncJobKind,
    uniqueKey: `${adServerSyncJobKind}:${lineItemId}:${ticket}`,
    payload: { lineItemId, ticket },
    runAt,
  });
}

/** The change a line item's status move is, for the ad server; null: nothing it needs to hear. */
export function statusChange(from: LineItemStatus, to: LineItemStatus): SyncChange | null {
  if (from === to) return null;
  // Never approved, so never sent: canceling it is nothing to the ad server.
  if (from === "pending") return to === "canceled" ? null : "approved";
  if (to === "paused") return "paused";
  if (from === "paused" && (to === "ready" || to === "delivering")) return "resumed";
  if (to === "delivering") return "started";
  if (to === "canceled") return "canceled";
  if (to === "completed") return "completed";
  return null;
}

/** The publisher's connection when it is on. */
export async function enabledConnection(db: Queryable, publisherId: number) {
  const [connection] = await db
    .select()
    .from(adServerConnections)
    .where(and(eq(adServerConnections.publisherId, publisherId), eq(adServerConnections.enabled, true)));
  return connection ?? null;
}

/**
 * Queues the ad server call for each changed line item, in the caller's transaction: a
 * change that rolls back sends nothing, and the call itself happens later in the jobs
 * runner (outside any transaction). One row per line item holds its latest state: a new
 * change bumps `sequence` and `ticket`, so a still-scheduled retry of an older change
 * finds its ticket taken and does nothing, and the ad server only ever gets newer states.
 */
export async function enqueueLineItemSyncs(
  db: Queryable,
  event: {
    publisherId: number;
    orderId: number;
    changes: readonly { lineItemId: number; change: SyncChange }[];
    at: Date;
  },
) {
  if (event.changes.length === 0) return;
  if (!(await enabledConnection(db, event.publisherId))) return;
  const states = await lineItemSyncStates(
    db,
    event.publisherId,
    event.changes.map((c) => c.lineItemId),
  );
  for (const { lineItemId, change } of event.changes) {
    const state = states.get(lineItemId);
    if (!state) continue;
    const fresh = {
      status: "pending",
      change,
      state: JSON.stringify(state),
      failures: 0,
      lastError: null,
      nextAttemptAt: event.at,
      updatedAt: event.at,
    };
    const [row] = await db
      .insert(lineItemSyncs)
      .values({ lineItemId, publisherId: event.publisherId, orderId: event.orderId, ...fresh })
      .onConflictDoUpdate({
        target: lineItemSyncs.lineItemId,
        set: {
          ...fresh,
          sequence: sql`${lineItemSyncs.sequence} + 1`,
          ticket: sql`${lineItemSyncs.ticket} + 1`,
        },
      })
      .returning({ ticket: lineItemSyncs.ticket });
    await enqueueSyncAttempt(db, lineItemId, row.ticket, event.at);
  }
}
