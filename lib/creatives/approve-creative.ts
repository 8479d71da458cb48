import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { creatives, lineItemCreatives, publishers } from "@/db/schema";
import { enqueueCreativeSyncs } from "@/lib/ad-server/enqueue-creative-syncs";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { ordersUsing } from "./creative-line-items";
import { creativeReviewEmail } from "./creative-review-email";
import { getCreativeForActorOrThrow, loadVersionGraph } from "./get-creative-for-actor";
import { recordCreativeEvents } from "./record-creative-events";

export const approveCreativeInput = z.object({ creativeId: id() });
export type approveCreativeInput = z.input<typeof approveCreativeInput>;

/**
 * Approves a creative (pending, or rejected on second thought). When it is a new version,
 * the line items of the versions it replaces move to it in the same transaction: the old
 * version served until this moment and is now superseded (still approved, linked nowhere).
 * The advertiser is emailed and every order the creative serves logs the approval.
 */
export async function approveCreative(ctx: Ctx, input: approveCreativeInput) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers review creatives.");
  const data = approveCreativeInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { creative, advertiser } = await getCreativeForActorOrThrow(tx, actor, data.creativeId, {
      lock: true,
    });
    if (creative.reviewStatus === "approved") throw new Conflict("This creative is already approved.");
    const scope = { publisherId: creative.publisherId, advertiserId: creative.advertiserId };
    const graph = await loadVersionGraph(tx, scope);
    const newer = graph.supersededBy(creative.id);
    if (newer) {
      throw new Conflict(
        `Version ${newer.version} already replaced this one and is serving; review that version.`,
      );
    }
    const older = graph.ancestors(creative.id);
    const olderIds = older.map((node) => node.id);
    // The version that was serving until now, if there was one.
    const replaced = older.find((node) => node.reviewStatus === "approved") ?? null;
    let movedLineItemIds: number[] = [];
    if (olderIds.length > 0) {
      // Approving two versions of one chain at once must not leave line items on both, so
      // the older versions are locked too. Always newest to oldest (the approved version
      // was locked first), so two approvals in one chain queue up instead of deadlocking.
      await tx
        .select({ id: creatives.id })
        .from(creatives)
        .where(and(inArray(creatives.id, olderIds), eq(creatives.publisherId, actor.publisherId)))
        .orderBy(desc(creatives.id))
        .for("update");
      const moved = await tx
        .delete(lineItemCreatives)
        .where(inArray(lineItemCreatives.creativeId, olderIds))
        .returning({ lineItemId: lineItemCreatives.lineItemId });
      movedLineItemIds = [...new Set(moved.map((row) => row.lineItemId))];
      if (movedLineItemIds.length > 0) {
        await tx
          .insert(lineItemCreatives)
          .values(movedLineItemIds.map((lineItemId) => ({ lineItemId, creativeId: creative.id })))
          .onConflictDoNothing();
      }
    }
    await tx
      .update(creatives)
      .set({ reviewStatus: "approved", reviewReason: null, reviewedBy: actor.userId, reviewedAt: ctx.now })
      .where(and(eq(creatives.id, creative.id), eq(creatives.publisherId, actor.publisherId)));
    const orderIds = await ordersUsing(tx, actor.publisherId, [creative.id]);
    // The ad server hears of it too: the line items may serve this version now.
    await enqueueCreativeSyncs(tx, {
      publisherId: actor.publisherId,
      creativeIds: [creative.id],
      change: "creative_approved",
      at: ctx.now,
    });
    await recordCreativeEvents(tx, {
      actor,
      publisherId: actor.publisherId,
      orderIds,
      type: "creative_approved",
      payload: { creativeId: creative.id, reason: null },
      at: ctx.now,
    });
    const [publisher] = await tx
      .select({ name: publishers.name })
      .from(publishers)
      .where(eq(publishers.id, actor.publisherId));
    await enqueueEmail(tx, {
      publisherId: actor.publisherId,
      to: advertiser.contactEmail,
      ...creativeReviewEmail({
        decision: "approved",
        creative,
        publisherName: publisher.name,
        advertiserName: advertiser.company,
        replacedVersion: replaced?.version ?? null,
      }),
    });
    return { creativeId: creative.id, orderIds, movedLineItemIds, supersededId: replaced?.id ?? null };
  });
}
