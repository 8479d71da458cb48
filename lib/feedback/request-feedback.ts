import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { feedbackRequests } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, invalidField } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, optionalId, text } from "@/lib/core/validation";
import { attachmentFile, checkAttachment } from "@/lib/messages/message-attachment";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { notifyByEmail } from "./notify-feedback";

export const maxProposalLength = 5000;

export const requestFeedbackInput = z.object({
  orderId: id(),
  /** The line item the draft is for; the whole order when left out. */
  lineItemId: optionalId(),
  body: text({
    max: maxProposalLength,
    tooLong: `Keep the proposal under ${maxProposalLength.toLocaleString("en-US")} characters.`,
  }).optional(),
  attachment: attachmentFile,
});
export type requestFeedbackInput = z.input<typeof requestFeedbackInput>;

/**
 * Staff send a draft or proposal (text, a file or both) and ask the advertiser for feedback:
 * the order waits for the advertiser until they answer. One round waits at a time.
 */
export async function requestFeedback(ctx: Ctx, input: requestFeedbackInput) {
  const actor = requireStaffWriter(ctx.actor);
  const data = requestFeedbackInput.parse(input);
  const body = data.body ?? "";
  if (!body && !data.attachment) throw invalidField("body", "Write the proposal or attach the draft.");
  const file = data.attachment ? await checkAttachment(data.attachment) : null;
  return ctx.db.transaction(async (tx) => {
    // Locked so two people sending drafts at once make two rounds one after the other, never two waiting.
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const { order } = loaded;
    const lineItem = data.lineItemId ? loaded.lineItems.find((li) => li.id === data.lineItemId) : null;
    if (data.lineItemId && !lineItem) throw invalidField("lineItemId", "Choose a line item of this order.");
    const [rounds] = await tx
      .select({ all: count() })
      .from(feedbackRequests)
      .where(
        and(eq(feedbackRequests.orderId, order.id), eq(feedbackRequests.publisherId, order.publisherId)),
      );
    const [waiting] = await tx
      .select({ id: feedbackRequests.id })
      .from(feedbackRequests)
      .where(
        and(
          eq(feedbackRequests.orderId, order.id),
          eq(feedbackRequests.publisherId, order.publisherId),
          eq(feedbackRequests.status, "waiting"),
        ),
      );
    if (waiting) throw new Conflict("A draft is already waiting for the advertiser's answer on this order.");
    const round = Number(rounds.all) + 1;
    const [request] = await tx
      .insert(feedbackRequests)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        lineItemId: lineItem?.id ?? null,
        round,
        body,
        ...(file ?? {}),
        requestedBy: actor.userId,
        requestedAt: ctx.now,
      })
      .returning({ id: feedbackRequests.id });
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "feedback_requested",
      payload: {
        feedbackRequestId: request.id,
        round,
        ...(lineItem ? { lineItemId: lineItem.id } : {}),
        ...(file ? { attachment: file.fileName } : {}),
      },
      at: ctx.now,
    });
    await notifyByEmail(tx, loaded, "advertiser", {
      subject: `Draft ${round} for your feedback on order #${order.id} ${order.name}`,
      lines: [
        `${loaded.publisher.name} sent draft ${round} of order #${order.id} “${order.name}”${lineItem ? ` (line item #${lineItem.id})` : ""} and asks for your feedback.`,
        ...(body ? ["", body] : []),
        "",
        "Approve it or ask for changes on the order page:",
      ],
    });
    return { feedbackRequestId: request.id, round, orderId: order.id };
  });
}
