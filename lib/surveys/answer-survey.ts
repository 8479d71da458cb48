import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { orderSurveys } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { id, optionalText, wholeNumber } from "@/lib/core/validation";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

export const answerSurveyInput = z.object({
  orderId: id(),
  rating: wholeNumber({ min: 1, max: 5, invalid: "Choose a rating from 1 to 5." }),
  goalsMet: z.enum(["yes", "partly", "no"], { error: "Say whether the campaign met its goals." }),
  results: optionalText({ max: 2000, tooLong: "Keep it under 2,000 characters." }),
});
export type answerSurveyInput = z.input<typeof answerSurveyInput>;

/** The advertiser answers their order's metrics survey, once. */
export async function answerSurvey(ctx: Ctx, input: answerSurveyInput) {
  const actor = requireAdvertiser(ctx.actor);
  const data = answerSurveyInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { order } = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const answered = await tx
      .update(orderSurveys)
      .set({
        rating: data.rating,
        goalsMet: data.goalsMet,
        results: data.results ?? null,
        answeredAt: ctx.now,
        answeredBy: actor.userId,
      })
      .where(
        and(
          eq(orderSurveys.orderId, order.id),
          eq(orderSurveys.publisherId, order.publisherId),
          isNull(orderSurveys.answeredAt),
        ),
      )
      .returning({ id: orderSurveys.id });
    if (answered.length === 0)
      throw new Conflict("There is no open survey on this order: it was answered or not sent yet.");
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "survey_answered",
      payload: { surveyId: answered[0].id, rating: data.rating, goalsMet: data.goalsMet },
      at: ctx.now,
    });
    return { orderId: order.id };
  });
}
