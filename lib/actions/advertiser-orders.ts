"use server";

import { z } from "zod";
import { acceptQuote, acceptQuoteInput } from "@/lib/quotes/accept-quote";
import { declineQuote, declineQuoteInput } from "@/lib/quotes/decline-quote";
import { submitBooking, submitBookingInput } from "@/lib/booking/submit-booking";
import { id, version } from "@/lib/core/validation";
import { defineAction } from "@/lib/http/define-action";
import { runLineItemAction } from "@/lib/orders/run-line-item-action";
import { runOrderAction } from "@/lib/orders/run-order-action";

const revalidate = ["/advertiser", "/publisher"];

export const submitBookingAction = defineAction({
  input: submitBookingInput,
  roles: ["advertiser"],
  run: async ({ ctx, input }) => {
    const { order } = await submitBooking(ctx, input);
    return { orderId: order.id, status: order.status };
  },
  message: ({ orderId, status }) =>
    status === "quote_requested"
      ? `Quote requested for order #${orderId}. The publisher has been told and will answer with a quote.`
      : `Order #${orderId} submitted. The publisher will review it and reserve your inventory on approval.`,
  revalidate,
});

export const cancelOrderAction = defineAction({
  input: z.object({
    orderId: id(),
    version: version().optional(),
  }),
  roles: ["advertiser"],
  run: ({ ctx, input }) => runOrderAction(ctx, { ...input, action: "cancel" }).then(() => input),
  message: ({ orderId }) => `Order #${orderId} canceled.`,
  revalidate,
});

export const acceptQuoteAction = defineAction({
  input: acceptQuoteInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => acceptQuote(ctx, input).then(() => input),
  message: ({ orderId }) => `Quote accepted. Order #${orderId} is approved and your inventory is reserved.`,
  revalidate,
});

export const declineQuoteAction = defineAction({
  input: declineQuoteInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => declineQuote(ctx, input).then(() => input),
  message: ({ orderId }) => `Quote declined. Order #${orderId} is canceled.`,
  revalidate,
});

/** Advertisers pause and resume their own line items (when the publisher allows it); never cancel one. */
export const lineItemPauseAction = defineAction({
  input: z.object({
    orderId: id(),
    lineItemId: id(),
    action: z.enum(["pause", "resume"], { error: "Unknown line item action." }),
  }),
  roles: ["advertiser"],
  run: ({ ctx, input }) => runLineItemAction(ctx, input).then(() => input),
  message: ({ action }) =>
    action === "pause" ? "Line item paused. Its inventory stays reserved." : "Line item resumed.",
  revalidate,
});
