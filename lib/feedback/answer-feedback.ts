import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { feedbackRequests, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, invalidField, NotFound } from "@/lib/core/errors";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { feedbackScope } from "./feedback-scope";
import { notifyByEmail } from "./notify-feedback";

export const answerFeedbackInput = z.object({
  feedbackRequestId: id(),
  decision: z.enum(["approve", "request_changes"], { error: "Choose approve or ask for changes." }),
  comment: text({ max: 5000, tooLong: "Keep the comment under 5,000 characters." }).optional(),
});
export type answerFeedbackInput = z.input<typeof answerFeedbackInput>;

/**
 * The advertiser approves the waiting draft or asks for changes (a comment saying which is
 * required); either closes the round, is logged, and tells the publisher's team.
 */
export async function answerFeedback(ctx: Ctx, input: answerFeedbackInput) {
  const actor = requireAdvertiser(ctx.actor, "Only the advertiser's people answer a draft.");
  const data = answerFeedbackInput.parse(input);
  const comment = data.comment ?? "";
  if (data.decision === "request_changes" && !comment) {
    throw invalidField("comment", "Say what should change.");
  }
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ orderId: feedbackRequests.orderId })
      .from(feedbackRequests)
      .innerJoin(orders, eq(orders.id, feedbackRequests.orderId))
      .where(and(eq(feedbackRequests.id, data.feedbackRequestId), feedbackScope(actor)));
    if (!found) throw new NotFound(`Draft #${data.feedbackRequestId}`);
    const loaded = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true });
    const [request] = await tx
      .select()
      .from(feedbackRequests)
      .where(
        and(eq(feedbackRequests.id, data.feedbackRequestId), eq(feedbackRequests.orderId, loaded.order.id)),
      );
    if (request.status !== "waiting") throw new Conflict("This draft was already answered.");
    const status = data.decision === "approve" ? "approved" : "changes_requested";
    await tx
      .update(feedbackRequests)
      .set({ status, answeredBy: actor.userId, answeredAt: ctx.now, answerComment: comment || null })
      .where(eq(feedbackRequests.id, request.id));
    const { order } = loaded;
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: data.decision === "approve" ? "feedback_approved" : "feedback_changes_requested",
      payload: {
        feedbackRequestId: request.id,
        round: request.round,
        ...(request.lineItemId ? { lineItemId: request.lineItemId } : {}),
        ...(comment ? { comment } : {}),
      },
      at: ctx.now,
    });
    const verdict = data.decision === "approve" ? "approved" : "asked for changes to";
    await notifyByEmail(tx, loaded, "staff", {
      subject: `Draft ${request.round} ${data.decision === "approve" ? "approved" : "needs changes"} on order #${order.id} ${order.name}`,
      lines: [
        `The advertiser ${verdict} draft ${request.round} of order #${order.id} “${order.name}”.`,
        ...(comment ? ["", comment] : []),
        "",
        "See the order:",
      ],
    });
    return { feedbackRequestId: request.id, status, orderId: order.id };
  });
}
