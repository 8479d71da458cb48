import { lineItemCreativeState } from "@/lib/creatives/line-item-creative-state";

type Creative = Parameters<typeof lineItemCreativeState>[0][number];

/**
 * Why an open line item is not serving (DESIGN.md §4 "blocked"), or null when nothing
 * stands in its way. The first reason that applies is the one to fix first.
 */
export function lineItemBlockedReason(
  li: { status: string; startDate: string; creatives: Creative[] },
  order: { prepayRequired: boolean; balanceDue: number; today: string },
): string | null {
  if (li.status === "canceled" || li.status === "completed" || li.status === "pending") return null;
  const creative = lineItemCreativeState(li.creatives);
  if (!creative.serving) return creative.reason;
  if (order.prepayRequired && order.balanceDue > 0) return "Waiting for prepayment";
  if (order.today < li.startDate) return `Starts ${li.startDate}`;
  if (li.status === "paused") return "Paused";
  return null;
}
