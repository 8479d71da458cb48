import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { applyOrderTransition } from "./apply-order-transition";

export const rejectOrderInput = z.object({
  orderId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive().optional(),
  reason: z
    .string({ error: "Give a reason: the advertiser will read it." })
    .trim()
    .min(1, { error: "Give a reason: the advertiser will read it." })
    .max(2000, { error: "Keep the reason under 2,000 characters." }),
});
export type rejectOrderInput = z.infer<typeof rejectOrderInput>;

/** Rejects a pending order; the advertiser is emailed the reason. */
export async function rejectOrder(ctx: Ctx, input: rejectOrderInput) {
  return applyOrderTransition(ctx, {
    orderId: input.orderId,
    expectedVersion: input.version,
    action: { type: "reject", reason: input.reason },
  });
}
