import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { changeRequests } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { id, optionalText } from "@/lib/core/validation";
import { notifyByEmail } from "@/lib/feedback/notify-feedback";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { findChangeRequest } from "./accept-change-request";
import { maxNoteLength, sideOf } from "./propose-change";

export const declineChangeRequestInput = z.object({
  changeRequestId: id(),
  comment: optionalText({
    max: maxNoteLength,
    tooLong: `Keep the comment under ${maxNoteLength} characters.`,
  }),
});
export type declineChangeRequestInput = z.input<typeof declineChangeRequestInput>;

/**
 * The other side declines an open proposal, or its own side withdraws it; the order stays
 * as it is. Either way the proposal closes and the events log says so.
 */
export async function declineChangeRequest(ctx: Ctx, input: declineChangeRequestInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = declineChangeRequestInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const found = await findChangeRequest(tx, actor, data.changeRequestId);
    const loaded = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true });
    const request = await findChangeRequest(tx, actor, data.changeRequestId, { lock: true });
    if (request.status !== "open") {
      throw new Conflict(`Change request #${request.id} is already ${request.status}.`);
    }
    const status = request.side === sideOf(actor) ? ("withdrawn" as const) : ("declined" as const);
    await tx
      .update(changeRequests)
      .set({ status, answeredBy: actor.userId, answeredAt: ctx.now, answerComment: data.comment ?? null })
      .where(and(eq(changeRequests.id, request.id), eq(changeRequests.publisherId, actor.publisherId)));
    const { order } = loaded;
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: status === "declined" ? "change_declined" : "change_withdrawn",
      payload: { changeRequestId: request.id, ...(data.comment ? { comment: data.comment } : {}) },
      at: ctx.now,
    });
    if (status === "declined") {
      await notifyByEmail(
        tx,
        loaded,
        request.side === "publisher" ? "staff" : "advertiser",
        {
          subject: `Change declined on order #${order.id} ${order.name}`,
          lines: [
            `Your proposed change #${request.id} to order #${order.id} “${order.name}” was declined.`,
            ...(data.comment ? ["", data.comment] : []),
            "",
          ],
        },
        "changes",
        "changes",
      );
    }
    return { changeRequestId: request.id, status };
  });
}
