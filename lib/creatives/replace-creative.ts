import type { z } from "zod";
import { creatives } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { clickUrl, contentColumns, creativeName, prepareContent, withContent } from "./creative-content";
import { creativeFileStore } from "./creative-files";
import { assertImageFits, linkedLineItemIds, openLineItemsOf, ordersUsing } from "./creative-line-items";
import { getCreativeForActorOrThrow, loadVersionGraph } from "./get-creative-for-actor";
import { recordCreativeEvents } from "./record-creative-events";

export const replaceCreativeInput = withContent({
  creativeId: id(),
  /** Keeps the current name when left out. */
  name: creativeName.optional(),
  clickUrl,
});
export type replaceCreativeInput = z.input<typeof replaceCreativeInput>;

/**
 * Any change to a creative is a new version (DESIGN.md §10): a new row, version + 1,
 * pending review, replacing the old one. The old version keeps its line items and keeps
 * serving until the new one is approved; approval moves the line items over.
 * Only the newest version can be replaced, so versions form a simple chain.
 */
export async function replaceCreative(ctx: Ctx, input: replaceCreativeInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = replaceCreativeInput.parse(input);
  const content = await prepareContent(data);
  const store = creativeFileStore();
  const stored: { path?: string } = {};
  try {
    return await ctx.db.transaction(async (tx) => {
      const { creative: old } = await getCreativeForActorOrThrow(tx, actor, data.creativeId, { lock: true });
      const scope = { publisherId: old.publisherId, advertiserId: old.advertiserId };
      const graph = await loadVersionGraph(tx, scope);
      const newer = graph.newerVersion(old.id);
      if (newer) {
        throw new Conflict(
          `Version ${newer.version} already replaces this one: replace that version instead.`,
        );
      }
      // The line items that move to the new version once it is approved.
      const chain = [old.id, ...graph.ancestors(old.id).map((node) => node.id)];
      if (content.kind === "image") {
        const servedIds = await linkedLineItemIds(tx, chain);
        if (servedIds.length > 0)
          assertImageFits(content.image, await openLineItemsOf(tx, scope, servedIds), "file");
        stored.path = await store.put(tx, scope.publisherId, content.bytes);
      }
      const [created] = await tx
        .insert(creatives)
        .values({
          ...scope,
          name: data.name ?? old.name,
          ...contentColumns(content, stored.path),
          clickUrl: data.clickUrl,
          version: old.version + 1,
          replacesId: old.id,
          reviewStatus: "pending",
          createdAt: ctx.now,
        })
        .returning({ id: creatives.id, version: creatives.version });
      await recordCreativeEvents(tx, {
        actor,
        publisherId: scope.publisherId,
        orderIds: await ordersUsing(tx, scope.publisherId, chain),
        type: "creative_replaced",
        payload: { creativeId: created.id, replacesId: old.id, version: created.version },
        at: ctx.now,
      });
      return { creativeId: created.id, version: created.version, replacesId: old.id };
    });
  } catch (error) {
    // The database store rolled back with the row; a store outside the transaction needs this.
    if (stored.path) await store.delete(ctx.db, stored.path).catch(() => {});
    throw error;
  }
}
