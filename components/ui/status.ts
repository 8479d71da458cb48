import { lineItemStatusLabels, orderStatusLabels } from "@/lib/orders/labels";
import type { LineItemStatus, OrderStatus } from "@/lib/orders/types";
import type { BadgeTone } from "./badge";

export type StatusFamily = "waiting" | "active" | "paused" | "done" | "stopped";

/**
 * Approved orders and ready line items are still waiting (to start, for creatives or
 * payment): only what is delivering counts as active. This matches the API's view,
 * where approved-before-start is "pending".
 */
const FAMILIES: Record<OrderStatus | LineItemStatus, StatusFamily> = {
  draft: "waiting",
  quote_requested: "waiting",
  quoted: "waiting",
  pending_review: "waiting",
  approved: "waiting",
  pending: "waiting",
  ready: "waiting",
  live: "active",
  delivering: "active",
  paused: "paused",
  completed: "done",
  archived: "done",
  canceled: "stopped",
  rejected: "stopped",
};

export const FAMILY_TONES: Record<StatusFamily, BadgeTone> = {
  waiting: "amber",
  active: "green",
  paused: "blue",
  done: "neutral",
  stopped: "red",
};

export function statusFamily(status: string): StatusFamily | undefined {
  return Object.hasOwn(FAMILIES, status) ? FAMILIES[status as OrderStatus | LineItemStatus] : undefined;
}

const LABELS: Record<string, string> = { ...lineItemStatusLabels, ...orderStatusLabels };

/** "pending_review" → "Pending review"; unknown statuses are spelled out the same way. */
export function statusLabel(status: string): string {
  if (Object.hasOwn(LABELS, status)) return LABELS[status];
  const words = status.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
