import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { optionalId } from "@/lib/core/validation";
import { openLineItemsOf } from "./creative-line-items";
import { advertiserScopeFor } from "./creative-permissions";

export const listAssignableLineItemsInput = z.object({
  advertiserId: optionalId(),
});
export type listAssignableLineItemsInput = z.input<typeof listAssignableLineItemsInput>;

/** The open line items a creative of this advertiser can be assigned to, for the checkboxes. */
export async function listAssignableLineItems(ctx: Ctx, input: listAssignableLineItemsInput = {}) {
  const actor = requirePerson(ctx.actor);
  const data = listAssignableLineItemsInput.parse(input);
  return openLineItemsOf(ctx.db, await advertiserScopeFor(ctx.db, actor, data.advertiserId));
}
