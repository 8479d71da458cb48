import { refundable } from "@/lib/money/owed";
import type { OrderActionName } from "./actions";
import type { OrderSnapshot } from "./types";

/** Seed 002's order statuses; its transient pausing/stopping never show because actions apply at once. */
export type ApiOrderStatus = "pending" | "playing" | "paused" | "stopped" | "refunded" | "archived";

export function apiStatus(order: Pick<OrderSnapshot, "status" | "money">): ApiOrderStatus {
  switch (order.status) {
    case "draft":
    case "quote_requested":
    case "quoted":
    case "pending_review":
    case "approved":
      return "pending";
    case "live":
      return "playing";
    case "paused":
      return "paused";
    case "canceled":
      return order.money.refunded > 0 && refundable(order.money) === 0 ? "refunded" : "stopped";
    case "completed":
    case "rejected":
      return "stopped";
    case "archived":
      return "archived";
  }
}

export const apiProcessActions = ["play", "pause", "stop", "refund", "archive"] as const;
export type ApiProcessAction = (typeof apiProcessActions)[number];

/** Seed 002's "play" both starts an order and resumes a paused one. */
export function orderActionForApi(
  action: ApiProcessAction,
  order: Pick<OrderSnapshot, "status">,
): OrderActionName {
  switch (action) {
    case "play":
      return order.status === "paused" ? "resume" : "start";
    case "stop":
      return "cancel";
    default:
      return action;
  }
}
