import { z } from "zod";
import { deliveryProofs } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, invalidField } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, optionalId, optionalText, webUrl } from "@/lib/core/validation";
import { notifyByEmail } from "@/lib/feedback/notify-feedback";
import { attachmentFile, checkAttachment } from "@/lib/messages/message-attachment";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import type { OrderStatus } from "@/lib/orders/types";

/** Proof is added once the order runs (and when completing it): live, paused or completed. */
export const proofStatuses: readonly OrderStatus[] = ["live", "paused", "completed"];

export const addDeliveryProofInput = z.object({
  orderId: id(),
  /** The line item it proves (a sponsorship day, say); the whole order when left out. */
  lineItemId: optionalId(),
  url: z
    .literal("")
    .transform(() => undefined)
    .or(webUrl())
    .optional(),
  note: optionalText({ max: 1000, tooLong: "Keep the note under 1,000 characters." }),
  attachment: attachmentFile,
});
export type addDeliveryProofInput = z.input<typeof addDeliveryProofInput>;

/**
 * Staff show that the campaign ran: a link (the live placement, a published post) or a
 * screenshot, for the order or one line item. The advertiser sees it on the order and is emailed.
 */
export async function addDeliveryProof(ctx: Ctx, input: addDeliveryProofInput) {
  const actor = requireStaffWriter(ctx.actor);
  const data = addDeliveryProofInput.parse(input);
  if (!data.url && !data.attachment) throw invalidField("url", "Add a link or a screenshot as proof.");
  const file = data.attachment ? await checkAttachment(data.attachment) : null;
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const { order } = loaded;
    if (!proofStatuses.includes(order.status)) {
      throw new Conflict("Proof of delivery is added once the order is live, paused or completed.");
    }
    const lineItem = data.lineItemId ? loaded.lineItems.find((li) => li.id === data.lineItemId) : null;
    if (data.lineItemId && !lineItem) throw invalidField("lineItemId", "Choose a line item of this order.");
    const [proof] = await tx
      .insert(deliveryProofs)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        lineItemId: lineItem?.id ?? null,
        url: data.url ?? null,
        note: data.note ?? "",
        ...(file ?? {}),
        addedBy: actor.userId,
        addedAt: ctx.now,
      })
      .returning({ id: deliveryProofs.id });
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "proof_added",
      payload: {
        proofId: proof.id,
        ...(lineItem ? { lineItemId: lineItem.id } : {}),
        ...(data.url ? { url: data.url } : {}),
        ...(file ? { attachment: file.fileName } : {}),
      },
      at: ctx.now,
    });
    await notifyByEmail(
      tx,
      loaded,
      "advertiser",
      {
        subject: `Proof of delivery for order #${order.id} ${order.name}`,
        lines: [
          `${loaded.publisher.name} added proof that order #${order.id} “${order.name}”${lineItem ? ` (line item #${lineItem.id})` : ""} ran.`,
          ...(data.url ? ["", data.url] : []),
          "",
          "See it on the order page:",
        ],
      },
      "proof",
      "proofs",
    );
    return { proofId: proof.id, orderId: order.id };
  });
}
