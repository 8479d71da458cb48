import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { orderReviews } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

export const reviewOrderInput = z.object({
  orderId: id(),
  rating: z.coerce
    .number({ error: "Choose a rating from 1 to 5." })
    .int({ error: "Choose a rating from 1 to 5." })
    .min(1, { error: "Choose a rating from 1 to 5." })
    .max(5, { error: "Choose a rating from 1 to 5." }),
  comment: text({ max: 2000, tooLong: "Keep the comment under 2,000 characters." }).optional(),
});
export type reviewOrderInput = z.input<typeof reviewOrderInput>;

/** One review per side of a completed order (archived after completion counts too); logged. */
export async function reviewOrder(ctx: Ctx, input: reviewOrderInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = reviewOrderInput.parse(input);
  const side = actor.kind === "staff" ? "publisher" : "advertiser";
  return ctx.db.transaction(async (tx) => {
    const { order } = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const completed =
      order.status === "completed" ||
      (order.status === "archived" && order.statusBeforeArchive === "completed");
    if (!completed) throw new Conflict("Reviews open once the order is completed.");
    const [existing] = await tx
      .select({ id: orderReviews.id })
      .from(orderReviews)
      .where(
        and(
          eq(orderReviews.orderId, order.id),
          eq(orderReviews.publisherId, order.publisherId),
          eq(orderReviews.side, side),
        ),
      );
    if (existing) throw new Conflict("Your side has already reviewed this order.");
    const [review] = await tx
      .insert(orderReviews)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        side,
        rating: data.rating,
        comment: data.comment ?? "",
        authorUserId: actor.userId,
        at: ctx.now,
      })
      .returning({ id: orderReviews.id });
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "review_written",
      payload: { reviewId: review.id, side, rating: data.rating },
      at: ctx.now,
    });
    return { reviewId: review.id, orderId: order.id, side };
  });
}
