import type { z } from "zod";
import { creatives, lineItemCreatives } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { optionalId } from "@/lib/core/validation";
import {
  clickUrl,
  contentColumns,
  creativeName,
  lineItemIds,
  prepareContent,
  withContent,
} from "./creative-content";
import { creativeFileStore } from "./creative-files";
import { assertImageFits, assertKindAllowed, requireOpenLineItems } from "./creative-line-items";
import { advertiserScopeFor } from "./creative-permissions";
import { recordCreativeEvents } from "./record-creative-events";

export const uploadCreativeInput = withContent({
  name: creativeName,
  clickUrl,
  lineItemIds,
  /** Staff upload on behalf of one of their advertisers; ignored for advertisers. */
  advertiserId: optionalId(),
});
export type uploadCreativeInput = z.input<typeof uploadCreativeInput>;

/**
 * A new creative, pending review. An image is checked by its bytes (type, size limit,
 * pixel size against every sized zone it is assigned to) and stored under a random name;
 * the optional line items must be open line items of the same advertiser.
 */
export async function uploadCreative(ctx: Ctx, input: uploadCreativeInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = uploadCreativeInput.parse(input);
  const content = await prepareContent(data);
  const store = creativeFileStore();
  const stored: { path?: string } = {};
  try {
    return await ctx.db.transaction(async (tx) => {
      const scope = await advertiserScopeFor(tx, actor, data.advertiserId);
      const items = await requireOpenLineItems(tx, scope, data.lineItemIds);
      assertKindAllowed(content.kind, items, "lineItemIds");
      if (content.kind === "image") {
        assertImageFits(content.image, items, "file");
        stored.path = await store.put(tx, scope.publisherId, content.bytes);
      }
      const [creative] = await tx
        .insert(creatives)
        .values({
          ...scope,
          name: data.name,
          ...contentColumns(content, stored.path),
          clickUrl: data.clickUrl,
          createdAt: ctx.now,
        })
        .returning({ id: creatives.id });
      if (items.length > 0) {
        await tx
          .insert(lineItemCreatives)
          .values(items.map((item) => ({ lineItemId: item.lineItemId, creativeId: creative.id })));
        await recordCreativeEvents(tx, {
          actor,
          publisherId: scope.publisherId,
          orderIds: items.map((item) => item.orderId),
          type: "creative_assigned",
          payload: { creativeId: creative.id, lineItemIds: items.map((item) => item.lineItemId) },
          at: ctx.now,
        });
      }
      return { creativeId: creative.id, assignedLineItemIds: items.map((item) => item.lineItemId) };
    });
  } catch (error) {
    // The database store rolled back with the row; a store outside the transaction needs this.
    if (stored.path) await store.delete(ctx.db, stored.path).catch(() => {});
    throw error;
  }
}
