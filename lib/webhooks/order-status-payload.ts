import type { OrderStatus } from "@/lib/orders/types";

/** The event every webhook receives today. */
export const orderStatusChanged = "order.status_changed";

/** Seed 002's name for a status, as the API shows it; a refund is seen when the order is read. */
const apiNames: Record<OrderStatus, string> = {
  draft: "pending",
  quote_requested: "pending",
  quoted: "pending",
  pending_review: "pending",
  approved: "pending",
  live: "playing",
  paused: "paused",
  completed: "stopped",
  rejected: "stopped",
  canceled: "stopped",
  archived: "archived",
};

/** The JSON body of a status change, written once and sent (and signed) byte for byte on every attempt. */
export function orderStatusBody(event: {
  orderId: number;
  type: string;
  from?: OrderStatus | null;
  to: OrderStatus;
  at: Date;
}): string {
  return JSON.stringify({
    event: orderStatusChanged,
    occurred_at: event.at.toISOString(),
    order: {
      id: String(event.orderId),
      action: event.type,
      status: event.to,
      previous_status: event.from ?? null,
      api_status: apiNames[event.to],
      url: `/api/v1/orders/${event.orderId}.json`,
    },
  });
}
