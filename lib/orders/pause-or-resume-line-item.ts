import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { runLineItemAction } from "./run-line-item-action";

export const pauseOrResumeLineItemInput = z.object({
  orderId: id(),
  lineItemId: id(),
  action: z.enum(["pause", "resume"], { error: "Unknown line item action." }),
});
export type pauseOrResumeLineItemInput = z.input<typeof pauseOrResumeLineItemInput>;

/** Advertisers pause and resume their own line items (when the publisher allows it); never cancel one. */
export async function pauseOrResumeLineItem(ctx: Ctx, input: pauseOrResumeLineItemInput) {
  requireAdvertiser(ctx.actor);
  const data = pauseOrResumeLineItemInput.parse(input);
  return runLineItemAction(ctx, data);
}
