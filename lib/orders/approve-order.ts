import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { id, idList, version } from "@/lib/core/validation";
import { applyOrderTransition } from "./apply-order-transition";

export const approveOrderInput = z.object({
  orderId: id(),
  version: version(),
  cancelLineItemIds: idList(),
  overbook: z
    .union([z.boolean(), z.literal("on"), z.literal("true")])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type approveOrderInput = z.infer<typeof approveOrderInput>;

/**
 * Approves a self-serve order, optionally canceling some of its line items first, and
 * reserves inventory for the rest — all or nothing (seed 000 "Accepting an order").
 */
export async function approveOrder(ctx: Ctx, input: approveOrderInput) {
  return applyOrderTransition(ctx, {
    orderId: input.orderId,
    expectedVersion: input.version,
    action: { type: "approve", cancelLineItemIds: input.cancelLineItemIds },
    overbook: input.overbook,
    payload: input.cancelLineItemIds.length ? { canceledLineItemIds: input.cancelLineItemIds } : {},
  });
}
