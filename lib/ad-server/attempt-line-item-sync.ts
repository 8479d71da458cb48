import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adServerConnections, lineItemSyncs } from "@/db/schema";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { postSigned, type SignedPostAnswer } from "@/lib/webhooks/post-signed";
import { enqueueSyncAttempt } from "./enqueue-line-item-syncs";
import { type LineItemSyncBody, lineItemSyncEvent, syncAcknowledgement } from "./sync-payload";

/** Waits after the 1st … 5th failed attempt; after the 6th, only staff's Retry sends again. */
export const syncRetryDelaysMinutes = [1, 5, 30, 120, 720] as const;
/** An ad server that has not answered by then counts as failed (and is retried). */
export const syncTimeoutMs = 10_000;
/** More than this of an answer is not read: an acknowledgement is a few bytes. */
const answerBytes = 64 * 1024;

export const syncEventTypes = { synced: "ad_server_synced", failed: "ad_server_sync_failed" } as const;

/** The ad server's id for the line item from a 2xx answer, or why the answer is not an acknowledgement. */
export function readAcknowledgement(answer: SignedPostAnswer): { remoteId: string } | { error: string } {
  if (answer.error) return { error: answer.error };
  const text = answer.text ?? "";
  const shown = text.trim().slice(0, 120) || "an empty body";
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      error: `The ad server answered ${answer.status} with ${shown}, not JSON like {"remoteId": "…"}.`,
    };
  }
  const ack = syncAcknowledgement.safeParse(json);
  if (!ack.success) {
    return { error: `The ad server answered ${answer.status} without a remoteId: ${shown}` };
  }
  return { remoteId: String(ack.data.remoteId) };
}

/**
 * One attempt to tell the ad server a line item's latest state, run by the jobs runner
 * outside any transaction. The job holds a ticket: if a later change or a retry took a
 * newer one meanwhile, this attempt sends nothing, and if that happens while the call is
 * under way, its answer does not overwrite the newer state (only a first remote id is kept).
 * A refusal, garbage, an error or a timeout is a failed status with the error and the next
 * retry; nothing throws, so the runner's own retry never doubles ours.
 */
export async function attemptLineItemSync(
  db: Queryable,
  job: { lineItemId: number; ticket: number },
  now: Date,
  { timeoutMs = syncTimeoutMs } = {},
) {
  const [row] = await db
    .select({ sync: lineItemSyncs, connection: adServerConnections })
    .from(lineItemSyncs)
    .leftJoin(
      adServerConnections,
      and(
        eq(adServerConnections.publisherId, lineItemSyncs.publisherId),
        eq(adServerConnections.enabled, true),
      ),
    )
    .where(eq(lineItemSyncs.lineItemId, job.lineItemId));
  if (!row || row.sync.ticket !== job.ticket || row.sync.status === "synced") return;
  const { sync, connection } = row;
  const attempt = sync.attempts + 1;
  let outcome: { remoteId: string } | { error: string };
  if (!connection) {
    outcome = { error: "The ad server connection is turned off or removed; turn it on and retry." };
  } else {
    const body: LineItemSyncBody = {
      event: lineItemSyncEvent,
      change: sync.change as LineItemSyncBody["change"],
      sequence: sync.sequence,
      occurredAt: sync.updatedAt.toISOString(),
      remoteId: sync.remoteId,
      lineItem: JSON.parse(sync.state),
    };
    const answer = await postSigned(connection.url, {
      body: JSON.stringify(body),
      secret: connection.secret,
      now,
      headers: {
        "user-agent": "AdDesk-AdServerSync/1",
        "X-AdDesk-Event": lineItemSyncEvent,
        "X-AdDesk-Delivery": `${sync.lineItemId}-${sync.sequence}`,
        "X-AdDesk-Attempt": String(attempt),
      },
      timeoutMs,
      readAnswerBytes: answerBytes,
    });
    outcome = readAcknowledgement(answer);
  }
  const failed = "error" in outcome;
  const delay = failed && connection ? syncRetryDelaysMinutes[sync.failures] : undefined;
  const retryAt = delay === undefined ? null : new Date(now.getTime() + delay * 60_000);
  await db.transaction(async (tx) => {
    const [stored] = await tx
      .update(lineItemSyncs)
      .set(
        "error" in outcome
          ? {
              status: "failed",
              attempts: attempt,
              failures: sync.failures + 1,
              lastError: outcome.error,
              lastAttemptAt: now,
              nextAttemptAt: retryAt,
              ticket: retryAt ? sync.ticket + 1 : sync.ticket,
            }
          : {
              status: "synced",
              attempts: attempt,
              failures: 0,
              remoteId: outcome.remoteId,
              lastError: null,
              lastAttemptAt: now,
              nextAttemptAt: null,
              syncedAt: now,
            },
      )
      .where(and(eq(lineItemSyncs.lineItemId, sync.lineItemId), eq(lineItemSyncs.ticket, job.ticket)))
      .returning({ ticket: lineItemSyncs.ticket });
    if (!stored) {
      // A newer change or retry is queued: it decides the status. Keep a first remote id, so it is sent along.
      if ("remoteId" in outcome) {
        await tx
          .update(lineItemSyncs)
          .set({ remoteId: outcome.remoteId })
          .where(and(eq(lineItemSyncs.lineItemId, sync.lineItemId), isNull(lineItemSyncs.remoteId)));
      }
    } else if (retryAt) {
      await enqueueSyncAttempt(tx, sync.lineItemId, stored.ticket, retryAt);
    }
    await recordOrderEvent(tx, {
      actor: { kind: "system" },
      publisherId: sync.publisherId,
      orderId: sync.orderId,
      type: "error" in outcome ? syncEventTypes.failed : syncEventTypes.synced,
      payload: {
        lineItemId: sync.lineItemId,
        change: sync.change,
        sequence: sync.sequence,
        attempt,
        ...("error" in outcome
          ? { error: outcome.error, nextAttemptAt: stored ? (retryAt?.toISOString() ?? null) : null }
          : { remoteId: outcome.remoteId }),
        ...(stored ? {} : { superseded: true }),
      },
      at: now,
    });
  });
}
