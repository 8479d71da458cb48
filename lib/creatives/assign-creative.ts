import { z } from "zod";
import { lineItemCreatives } from "@/db/schema";
import { enqueueCreativeSyncs } from "@/lib/ad-server/enqueue-creative-syncs";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { id, idList } from "@/lib/core/validation";
import { assertImageFits, assertKindAllowed, requireOpenLineItems } from "./creative-line-items";
import { getCreativeForActorOrThrow, loadVersionGraph } from "./get-creative-for-actor";
import { recordCreativeEvents } from "./record-creative-events";

export const assignCreativeInput = z.object({
  creativeId: id(),
  lineItemIds: idList({ min: 1, tooFew: "Choose at least one line item." }),
});
export type assignCreativeInput = z.input<typeof assignCreativeInput>;

/**
 * Links a creative to more line items of its own advertiser (in addition to those it has).
 * A pending creative may be assigned: the line item then waits for its review. A version
 * that a newer approved version superseded may not: it would serve an outdated ad.
 */
export async function assignCreative(ctx: Ctx, input: assignCreativeInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = assignCreativeInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { creative } = await getCreativeForActorOrThrow(tx, actor, data.creativeId, { lock: true });
    const scope = { publisherId: creative.publisherId, advertiserId: creative.advertiserId };
    const newer = (await loadVersionGraph(tx, scope)).supersededBy(creative.id);
    if (newer)
      throw new Conflict(`Version ${newer.version} replaced this creative: assign that version instead.`);
    const items = await requireOpenLineItems(tx, scope, data.lineItemIds);
    assertKindAllowed(creative.kind, items, "lineItemIds");
    if (creative.kind === "image" && creative.width && creative.height) {
      assertImageFits({ width: creative.width, height: creative.height }, items, "lineItemIds");
    }
    const added = await tx
      .insert(lineItemCreatives)
      .values(items.map((item) => ({ lineItemId: item.lineItemId, creativeId: creative.id })))
      .onConflictDoNothing()
      .returning({ lineItemId: lineItemCreatives.lineItemId });
    const addedIds = added.map((row) => row.lineItemId);
    // An approved creative serves at once on the line items it joined: the ad server must hear
    // of it (a pending one is sent when its review approves it).
    if (creative.reviewStatus === "approved") {
      await enqueueCreativeSyncs(tx, {
        publisherId: scope.publisherId,
        creativeIds: [creative.id],
        lineItemIds: addedIds,
        change: "creative_assigned",
        at: ctx.now,
      });
    }
    await recordCreativeEvents(tx, {
      actor,
      publisherId: scope.publisherId,
      orderIds: items.filter((item) => addedIds.includes(item.lineItemId)).map((item) => item.orderId),
      type: "creative_assigned",
      payload: { creativeId: creative.id, lineItemIds: addedIds },
      at: ctx.now,
    });
    return { creativeId: creative.id, assignedLineItemIds: addedIds };
  });
}
