"use server";

import { submitBooking, submitBookingInput } from "@/lib/booking/submit-booking";
import { defineAction } from "@/lib/http/define-action";
import { cancelOrder, cancelOrderInput } from "@/lib/orders/cancel-order";
import { pauseOrResumeLineItem, pauseOrResumeLineItemInput } from "@/lib/orders/pause-or-resume-line-item";
import { acceptQuote, acceptQuoteInput } from "@/lib/quotes/accept-quote";
import { declineQuote, declineQuoteInput } from "@/lib/quotes/decline-quote";

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
  input: cancelOrderInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => cancelOrder(ctx, input).then(() => input),
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

export const lineItemPauseAction = defineAction({
  input: pauseOrResumeLineItemInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => pauseOrResumeLineItem(ctx, input).then(() => input),
  message: ({ action }) =>
    action === "pause" ? "Line item paused. Its inventory stays reserved." : "Line item resumed.",
  revalidate,
});
