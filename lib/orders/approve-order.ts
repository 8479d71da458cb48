import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { checkbox, id, idList, version } from "@/lib/core/validation";
import { applyOrderTransition } from "./apply-order-transition";
import { forbiddenMessage } from "./permissions";

export const approveOrderInput = z.object({
  orderId: id(),
  version: version(),
  cancelLineItemIds: idList(),
  overbook: checkbox(),
});
export type approveOrderInput = z.input<typeof approveOrderInput>;

/**
 * Approves a self-serve order, optionally canceling some of its line items first, and
 * reserves inventory for the rest — all or nothing (seed 000 "Accepting an order").
 */
export async function approveOrder(ctx: Ctx, input: approveOrderInput) {
  requireStaffWriter(ctx.actor, forbiddenMessage("approve", "an order"));
  const data = approveOrderInput.parse(input);
  return applyOrderTransition(ctx, {
    orderId: data.orderId,
    expectedVersion: data.version,
    action: { type: "approve", cancelLineItemIds: data.cancelLineItemIds },
    overbook: data.overbook,
    payload: data.cancelLineItemIds.length ? { canceledLineItemIds: data.cancelLineItemIds } : {},
  });
}
