import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { lineItemSyncs } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { enabledConnection, enqueueSyncAttempt } from "./enqueue-line-item-syncs";

export const retryLineItemSyncInput = z.object({ orderId: id(), lineItemId: id() });
export type retryLineItemSyncInput = z.input<typeof retryLineItemSyncInput>;

/**
 * Sends a line item whose sync failed again, now: a new ticket voids the scheduled
 * automatic retry, and the wait between automatic retries starts over.
 */
export async function retryLineItemSync(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers retry a sync.");
  const data = retryLineItemSyncInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const scoped = and(
      eq(lineItemSyncs.lineItemId, data.lineItemId),
      eq(lineItemSyncs.orderId, data.orderId),
      eq(lineItemSyncs.publisherId, actor.publisherId),
    );
    const [row] = await tx.select().from(lineItemSyncs).where(scoped).for("update");
    if (!row) throw new NotFound(`The ad server sync of line item #${data.lineItemId}`);
    if (row.status !== "failed") {
      throw new Conflict(
        row.status === "synced"
          ? "This line item is already synced with the ad server."
          : "This line item is already waiting to be sent to the ad server.",
      );
    }
    if (!(await enabledConnection(tx, actor.publisherId))) {
      throw new Conflict("Turn the ad server connection on in Settings → Ad server first.");
    }
    const [updated] = await tx
      .update(lineItemSyncs)
      .set({
        status: "pending",
        failures: 0,
        nextAttemptAt: ctx.now,
        ticket: sql`${lineItemSyncs.ticket} + 1`,
      })
      .where(scoped)
      .returning({ ticket: lineItemSyncs.ticket });
    await enqueueSyncAttempt(tx, data.lineItemId, updated.ticket, ctx.now);
    return { lineItemId: data.lineItemId, orderId: data.orderId };
  });
}
