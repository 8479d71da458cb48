import { z } from "zod";
import { messageAttachments, messages } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { invalidField } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { checkbox, id, text } from "@/lib/core/validation";
import { sendOrderEmail } from "@/lib/notifications/send-order-email";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { orderLink } from "@/lib/orders/notify-order-party";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { attachmentFile, type CheckedAttachment, checkAttachment } from "./message-attachment";
import { messageRecipients } from "./message-recipients";

export const maxMessageLength = 5000;

export const sendMessageInput = z.object({
  orderId: id(),
  body: text({
    min: 1,
    max: maxMessageLength,
    required: "Write a message.",
    tooLong: `Keep the message under ${maxMessageLength.toLocaleString("en-US")} characters.`,
  }),
  /** Staff only: a note the advertiser never sees. */
  internal: checkbox(),
  attachment: attachmentFile,
});
export type sendMessageInput = z.input<typeof sendMessageInput>;

/**
 * A message on an order's thread, with its optional attachment stored in the same
 * transaction, an event naming it, and an email to the other side linking to the order.
 */
export async function sendMessage(ctx: Ctx, input: sendMessageInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = sendMessageInput.parse(input);
  if (data.internal && actor.kind !== "staff") {
    throw invalidField("internal", "Only the publisher's team writes internal notes.");
  }
  const file: CheckedAttachment | null = data.attachment ? await checkAttachment(data.attachment) : null;
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId);
    const { order } = loaded;
    const [message] = await tx
      .insert(messages)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        authorUserId: actor.userId,
        body: data.body,
        internal: data.internal,
        at: ctx.now,
      })
      .returning({ id: messages.id });
    if (file) await tx.insert(messageAttachments).values({ messageId: message.id, ...file });
    // The advertiser reads the events log too, so an internal note leaves no event there.
    if (!data.internal) {
      await recordOrderEvent(tx, {
        actor,
        publisherId: order.publisherId,
        orderId: order.id,
        type: "message_sent",
        payload: { messageId: message.id, ...(file ? { attachment: file.fileName } : {}) },
        at: ctx.now,
      });
    }
    const { side, recipients } = await messageRecipients(tx, loaded, actor, data.internal);
    const what = data.internal ? "Internal note" : "New message";
    for (const recipient of recipients) {
      await sendOrderEmail(tx, {
        side,
        category: "messages",
        publisherId: order.publisherId,
        orderId: order.id,
        to: recipient.email,
        subject: `${what} on order #${order.id} ${order.name}`,
        text: [
          `Hello ${recipient.name},`,
          "",
          `${what} on order #${order.id} “${order.name}”${file ? " (with an attachment)" : ""}:`,
          "",
          data.body,
          "",
          `Read and answer it here: ${orderLink(side, order.id)}#messages`,
        ].join("\n"),
      });
    }
    return { messageId: message.id, orderId: order.id, internal: data.internal };
  });
}
