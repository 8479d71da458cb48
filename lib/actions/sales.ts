"use server";

import { allStaff, staffWriters } from "@/lib/core/roles";
import { formatMoney } from "@/lib/format";
import { defineAction } from "@/lib/http/define-action";
import { confirmPartialOrder, confirmPartialOrderInput } from "@/lib/sales/confirm-partial-order";
import { confirmSale, confirmSaleInput } from "@/lib/sales/confirm-sale";
import { declinePartialOrder, declinePartialOrderInput } from "@/lib/sales/decline-partial-order";

// Every staff role may call this; the verb itself requires the confirm_sales permission.
export const confirmSaleAction = defineAction({
  input: confirmSaleInput,
  roles: allStaff,
  run: ({ ctx, input }) => confirmSale(ctx, input),
  message: ({ paymentId, managerName }) =>
    `Sale confirmed: payment #${paymentId} was made by ${managerName}.`,
  revalidate: ["/publisher"],
});

export const confirmPartialOrderAction = defineAction({
  input: confirmPartialOrderInput,
  roles: staffWriters,
  run: ({ ctx, input }) => confirmPartialOrder(ctx, input),
  message: ({ orderId, writtenOff, currency }) =>
    `Order #${orderId} confirmed as paid: ${formatMoney(writtenOff, currency)} written off.`,
  revalidate: ["/publisher", "/advertiser"],
});

export const declinePartialOrderAction = defineAction({
  input: declinePartialOrderInput,
  roles: staffWriters,
  run: ({ ctx, input }) => declinePartialOrder(ctx, input),
  message: ({ orderId, received, currency }) =>
    `Order #${orderId} declined and canceled. ${formatMoney(received, currency)} received is left to refund from the order's page.`,
  revalidate: ["/publisher", "/advertiser"],
});
