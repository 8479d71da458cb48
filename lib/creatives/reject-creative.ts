import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { creatives, publishers } from "@/db/schema";
import { enqueueCreativeSyncs } from "@/lib/ad-server/enqueue-creative-syncs";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { ordersUsing } from "./creative-line-items";
import { creativeReviewEmail } from "./creative-review-email";
import { getCreativeForActorOrThrow, loadVersionGraph } from "./get-creative-for-actor";
import { recordCreativeEvents } from "./record-creative-events";

const reasonRequired = "Give a reason: the advertiser will read it.";

export const rejectCreativeInput = z.object({
  creativeId: id(),
  reason: text({
    min: 1,
    max: 1000,
    required: reasonRequired,
    tooLong: "Keep the reason under 1,000 characters.",
  }),
});
export type rejectCreativeInput = z.input<typeof rejectCreativeInput>;

/**
 * Rejects a creative with a reason the advertiser is emailed. Rejecting an approved
 * creative stops it serving (seed 000 prefers this to pausing a line item). Rejecting a
 * new version leaves the version it replaces serving; the orders served by that chain
 * log the rejection, so staff and advertiser see why nothing changed.
 */
export async function rejectCreative(ctx: Ctx, input: rejectCreativeInput) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers review creatives.");
  const data = rejectCreativeInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { creative, advertiser } = await getCreativeForActorOrThrow(tx, actor, data.creativeId, {
      lock: true,
    });
    if (creative.reviewStatus === "rejected") throw new Conflict("This creative is already rejected.");
    await tx
      .update(creatives)
      .set({
        reviewStatus: "rejected",
        reviewReason: data.reason,
        reviewedBy: actor.userId,
        reviewedAt: ctx.now,
      })
      .where(and(eq(creatives.id, creative.id), eq(creatives.publisherId, actor.publisherId)));
    const graph = await loadVersionGraph(tx, {
      publisherId: creative.publisherId,
      advertiserId: creative.advertiserId,
    });
    const chain = [creative.id, ...graph.ancestors(creative.id).map((node) => node.id)];
    const orderIds = await ordersUsing(tx, actor.publisherId, chain);
    // The ad server stops serving it (or keeps the version it replaces, still approved).
    await enqueueCreativeSyncs(tx, {
      publisherId: actor.publisherId,
      creativeIds: chain,
      change: "creative_rejected",
      at: ctx.now,
    });
    await recordCreativeEvents(tx, {
      actor,
      publisherId: actor.publisherId,
      orderIds,
      type: "creative_rejected",
      payload: { creativeId: creative.id, reason: data.reason },
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
        decision: "rejected",
        creative,
        publisherName: publisher.name,
        advertiserName: advertiser.company,
        reason: data.reason,
      }),
    });
    return { creativeId: creative.id, orderIds };
  });
}
