import type { SimpleOrderActionName } from "@/lib/orders/actions";

/** Staff's one-step actions; the advertiser's own (submit, request or decline a quote, discard) have their own screens. */
export type SimpleOrderAction = Exclude<
  SimpleOrderActionName,
  "submit" | "request_quote" | "discard" | "decline_quote"
>;

/**
 * What each one-step order action does, in the words of its confirm dialog: the same on
 * the order page and in the orders list.
 */
export const orderActionConsequences: Record<SimpleOrderAction, { body: string; irreversible?: boolean }> = {
  start: { body: "Ready line items start delivering now instead of waiting for the scheduler." },
  pause: {
    body:
      "Paused direct-sold line items can end up under-delivered; if a creative needs changing, reject the creative " +
      "instead. Inventory stays reserved while paused.",
  },
  resume: { body: "Paused line items go back to delivering (or wait for their start date)." },
  complete: {
    body:
      "Open line items are completed and what is left of their reservations is released. Then add proof of " +
      "delivery (a link or a screenshot) under Proof of delivery: the advertiser sees it on the order.",
    irreversible: true,
  },
  refund: {
    body: "Records a refund of the credit left on this order. Send the money through your payment system.",
  },
  archive: { body: "It disappears from the default lists; you can unarchive it any time." },
  unarchive: { body: "It returns to the lists with the status it had." },
  decline: { body: "The advertiser is told you will not quote this request.", irreversible: true },
  cancel: {
    body:
      "Every open line item is canceled, its remaining reservations are released, and whatever was charged and not " +
      "delivered becomes a credit note on the order. Processing refunds is up to you.",
    irreversible: true,
  },
};
