import { DomainError } from "@/lib/core/errors";
import type { OrderActionName } from "@/lib/orders/actions";
import { orderActionForApi } from "@/lib/orders/api-status";
import { applyOrderTransition } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { loadApiOrders } from "./api-order";
import { type ApiCtx, parseRequest } from "./api-route";
import { processBody } from "./schemas";

export type ProcessResult = { orderid: string; success: boolean; status?: string; error?: string };

/**
 * POST /api/v1/orders/process/: one action on each listed order, each through the order
 * machine in its own transaction, so one refusal (or an id that is not found) does not
 * hold back the others. play starts an approved order or resumes a paused one; stop cancels.
 */
export async function processApiOrders(ctx: ApiCtx, raw: unknown): Promise<ProcessResult[]> {
  const data = parseRequest(processBody, raw, "Please correct the request.");
  const results: ProcessResult[] = [];
  for (const orderId of data.orderid) {
    try {
      const { order } = await getOrderForActorOrThrow(ctx.db, ctx.actor, orderId);
      // play, pause, stop, refund and archive map to start/resume, pause, cancel, refund, archive: none carries options.
      const action = orderActionForApi(data.action, order) as Exclude<OrderActionName, "approve" | "reject">;
      await applyOrderTransition(ctx, {
        orderId,
        action: { type: action },
        payload: { apiKeyId: ctx.actor.apiKeyId },
      });
      const [after] = await loadApiOrders(ctx.db, ctx.actor.publisherId, [orderId], ctx.now);
      results.push({ orderid: String(orderId), success: true, status: after.status });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ orderid: String(orderId), success: false, error: error.message });
    }
  }
  return results;
}
