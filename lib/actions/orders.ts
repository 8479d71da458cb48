"use server";

import { redirect } from "next/navigation";
import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { orderActions } from "@/lib/orders/actions";
import { approveOrder, approveOrderInput } from "@/lib/orders/approve-order";
import { bulkOrderActionInput, bulkOrderAction as bulkOrderActionVerb } from "@/lib/orders/bulk-order-action";
import { createManualOrder, createManualOrderInput } from "@/lib/orders/create-manual-order";
import { duplicateOrder, duplicateOrderInput } from "@/lib/orders/duplicate-order";
import { rejectOrder, rejectOrderInput } from "@/lib/orders/reject-order";
import { runLineItemAction, runLineItemActionInput } from "@/lib/orders/run-line-item-action";
import { runOrderAction, runOrderActionInput } from "@/lib/orders/run-order-action";

const revalidate = ["/publisher"];

export const orderAction = defineAction({
  input: runOrderActionInput,
  roles: staffWriters,
  run: ({ ctx, input }) => runOrderAction(ctx, input).then(() => input),
  message: (input) => `Order #${input.orderId} ${orderActions[input.action].done}.`,
  revalidate,
});

export const approveOrderAction = defineAction({
  input: approveOrderInput,
  roles: staffWriters,
  run: async ({ ctx, input }) => {
    const { overbooked } = await approveOrder(ctx, input);
    return { overbookedUnits: overbooked.reduce((sum, s) => sum + (s.requested - s.available), 0) };
  },
  message: ({ overbookedUnits }) =>
    overbookedUnits > 0
      ? `Order approved and overbooked by ${overbookedUnits.toLocaleString("en-US")} units.`
      : "Order approved. Inventory is reserved.",
  revalidate,
});

export const rejectOrderAction = defineAction({
  input: rejectOrderInput,
  roles: staffWriters,
  run: ({ ctx, input }) => rejectOrder(ctx, input).then(() => null),
  message: () => "Order rejected. The advertiser was emailed the reason.",
  revalidate,
});

export const lineItemAction = defineAction({
  input: runLineItemActionInput,
  roles: staffWriters,
  run: async ({ ctx, input }) => {
    const { effects } = await runLineItemAction(ctx, input);
    return { action: input.action, credited: effects.some((e) => e.type === "creditNote") };
  },
  message: ({ action, credited }) =>
    ({
      pause: "Line item paused. Its inventory stays reserved.",
      resume: "Line item resumed.",
      cancel: credited
        ? "Line item canceled. Its undelivered value is now a credit note on the order."
        : "Line item canceled.",
    })[action],
  revalidate,
});

export const bulkOrderAction = defineAction({
  input: bulkOrderActionInput,
  roles: staffWriters,
  run: ({ ctx, input }) => bulkOrderActionVerb(ctx, input),
  message: ({ done, failed }) =>
    failed.length === 0
      ? `${done.length} ${done.length === 1 ? "order" : "orders"} updated.`
      : `${done.length} updated; ${failed.length} could not be: ${failed.map((f) => `#${f.id} ${f.error}`).join(" ")}`,
  revalidate,
});

export const duplicateOrderAction = defineAction({
  input: duplicateOrderInput,
  roles: staffWriters,
  run: async ({ ctx, input }): Promise<null> => {
    const { order } = await duplicateOrder(ctx, input);
    redirect(`/publisher/orders/${order.id}`);
  },
});

export const createManualOrderAction = defineAction({
  input: createManualOrderInput,
  roles: staffWriters,
  run: async ({ ctx, input }) => {
    const { order } = await createManualOrder(ctx, input);
    return { orderId: order.id };
  },
  message: ({ orderId }) => `Order #${orderId} created and approved.`,
  revalidate,
});
