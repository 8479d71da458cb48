import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { id, version } from "@/lib/core/validation";
import { runOrderAction } from "./run-order-action";

export const cancelOrderInput = z.object({
  orderId: id(),
  version: version().optional(),
});
export type cancelOrderInput = z.input<typeof cancelOrderInput>;

/** The advertiser's Cancel button: the machine decides whether it is still early enough. */
export async function cancelOrder(ctx: Ctx, input: cancelOrderInput) {
  const data = cancelOrderInput.parse(input);
  return runOrderAction(ctx, { ...data, action: "cancel" });
}
