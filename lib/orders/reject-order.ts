import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, text, version } from "@/lib/core/validation";
import { applyOrderTransition } from "./apply-order-transition";
import { forbiddenMessage } from "./permissions";

export const rejectOrderInput = z.object({
  orderId: id(),
  version: version().optional(),
  reason: text({
    min: 1,
    max: 2000,
    required: "Give a reason: the advertiser will read it.",
    tooLong: "Keep the reason under 2,000 characters.",
  }),
});
export type rejectOrderInput = z.input<typeof rejectOrderInput>;

/** Rejects a pending order; the advertiser is emailed the reason. */
export async function rejectOrder(ctx: Ctx, input: rejectOrderInput) {
  requireStaffWriter(ctx.actor, forbiddenMessage("reject", "an order"));
  const data = rejectOrderInput.parse(input);
  return applyOrderTransition(ctx, {
    orderId: data.orderId,
    expectedVersion: data.version,
    action: { type: "reject", reason: data.reason },
  });
}
