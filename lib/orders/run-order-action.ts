import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { id, version } from "@/lib/core/validation";
import { simpleOrderActionNames } from "./actions";
import { applyOrderTransition } from "./apply-order-transition";
import { forbiddenMessage } from "./permissions";

export const runOrderActionInput = z.object({
  orderId: id(),
  action: z.enum(simpleOrderActionNames, { error: "Unknown order action." }),
  version: version().optional(),
  /** The person confirmed starting before the start date or with line items that cannot serve. */
  startEarly: z
    .union([z.boolean(), z.literal("on"), z.literal("true")])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type runOrderActionInput = z.input<typeof runOrderActionInput>;

/** Cancel, pause, resume, archive… an order, as the machine allows for this actor. */
export async function runOrderAction(ctx: Ctx, input: runOrderActionInput) {
  const data = runOrderActionInput.parse(input);
  // Which of these people may take which action, and from which status, is the machine's to say.
  requireWritingPerson(ctx.actor, forbiddenMessage(data.action, "an order"));
  return applyOrderTransition(ctx, {
    orderId: data.orderId,
    expectedVersion: data.version,
    action: data.action === "start" ? { type: "start", early: data.startEarly } : { type: data.action },
  });
}
