import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { DomainError } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { idList } from "@/lib/core/validation";
import { applyOrderTransition } from "./apply-order-transition";

export const bulkOrderActionInput = z.object({
  ids: idList({ min: 1, max: 200, tooFew: "Select at least one order." }),
  action: z.enum(["approve", "pause", "archive"], { error: "Choose approve, pause or archive." }),
});
export type bulkOrderActionInput = z.input<typeof bulkOrderActionInput>;

/**
 * Applies one action to many orders, each in its own transaction: one order that
 * cannot be approved (e.g. sold out) does not hold back the others.
 */
export async function bulkOrderAction(ctx: Ctx, input: bulkOrderActionInput) {
  requireStaffWriter(ctx.actor);
  const data = bulkOrderActionInput.parse(input);
  const done: number[] = [];
  const failed: { id: number; error: string }[] = [];
  for (const id of data.ids) {
    try {
      await applyOrderTransition(ctx, { orderId: id, action: { type: data.action } });
      done.push(id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failed.push({ id, error: error.message });
    }
  }
  return { done, failed };
}
