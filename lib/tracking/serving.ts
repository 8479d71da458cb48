import type { LineItemStatus, OrderStatus } from "@/lib/orders/types";

/** What the tracking endpoints need to know about a line item, cached in memory. */
export type LineItemServingState = {
  id: number;
  publisherId: number;
  status: LineItemStatus;
  orderStatus: OrderStatus;
  /** YYYY-MM-DD, inclusive, in the publisher's time zone. */
  startDate: string;
  endDate: string;
  timezone: string;
};

export type UncountedReason =
  | "paused"
  | "canceled"
  | "completed"
  | "not_started"
  | "ended"
  | "order_not_live";

/**
 * Why a hit on `day` does not count as delivery, or null when the line item is serving:
 * delivering, in an order that is live, between its start and end dates.
 */
export function notServingReason(state: LineItemServingState, day: string): UncountedReason | null {
  switch (state.status) {
    case "canceled":
    case "completed":
    case "paused":
      return state.status;
  }
  switch (state.orderStatus) {
    case "live":
      break;
    case "paused":
    case "canceled":
    case "completed":
      return state.orderStatus;
    default:
      return "order_not_live";
  }
  if (day < state.startDate) return "not_started";
  if (day > state.endDate) return "ended";
  // Ready (or pending) inside its dates: blocked, or the start job has not run yet.
  return state.status === "delivering" ? null : "not_started";
}
