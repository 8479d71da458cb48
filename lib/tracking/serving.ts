import type { ReviewStatus } from "@/lib/creatives/line-item-creative-state";
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
  | "order_not_live"
  | "creative_pending"
  | "creative_rejected";

/** What the tracking endpoints need to know about a creative, cached in memory. */
export type CreativeServingState = {
  id: number;
  publisherId: number;
  reviewStatus: ReviewStatus;
  /** The advertiser's landing page, or null when it is not a safe http(s) URL. */
  clickUrl: string | null;
};

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

/**
 * Why a hit on a creative does not count, or null when it is approved. A rejected (or
 * not yet reviewed) creative must not earn delivery even if its tags are still live.
 */
export function creativeNotServingReason(
  creative: Pick<CreativeServingState, "reviewStatus">,
): UncountedReason | null {
  switch (creative.reviewStatus) {
    case "approved":
      return null;
    case "pending":
      return "creative_pending";
    case "rejected":
      return "creative_rejected";
  }
}

/** Why a hit on `day` does not count: the line item's reason first, then the creative's. */
export function hitNotCountedReason(
  lineItem: LineItemServingState,
  creative: Pick<CreativeServingState, "reviewStatus">,
  day: string,
): UncountedReason | null {
  return notServingReason(lineItem, day) ?? creativeNotServingReason(creative);
}
