import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { id, version } from "@/lib/core/validation";
import { applyOrderTransition } from "./apply-order-transition";

/** Actions without options of their own; approve and reject have their own verbs. */
export const simpleOrderActions = [
  "submit",
  "request_quote",
  "discard",
  "decline",
  "cancel",
  "decline_quote",
  "start",
  "pause",
  "resume",
  "complete",
  "refund",
  "archive",
  "unarchive",
] as const;

export const runOrderActionInput = z.object({
  orderId: id(),
  action: z.enum(simpleOrderActions, { error: "Unknown order action." }),
  version: version().optional(),
});
export type runOrderActionInput = z.infer<typeof runOrderActionInput>;

/** Cancel, pause, resume, archive… an order, as the machine allows for this actor. */
export async function runOrderAction(ctx: Ctx, input: runOrderActionInput) {
  return applyOrderTransition(ctx, {
    orderId: input.orderId,
    expectedVersion: input.version,
    action: { type: input.action },
  });
}
