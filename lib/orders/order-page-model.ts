import type { Actor } from "@/lib/core/actor";
import { calendarDayIn } from "@/lib/core/days";

import type { OrderDetail } from "./get-order-detail";
import { lineItemBlockedReason } from "./line-item-blocked-reason";
import { allowedLineItemActions, creditOnCancel } from "./line-item-machine";
import { allowedActions } from "./machine";
import { machineActor } from "./machine-actor";
import { nextSteps, workflowProgress } from "./next-steps";
import { orderSnapshot } from "./order-snapshot";
import { startWarnings } from "./start-warnings";

/** Whose next steps to show: read-only viewers are told what waits, never asked to act. */
function nextStepsAudience(actor: Actor): "staff" | "viewer" | "advertiser" {
  if (actor.kind === "advertiser") return "advertiser";
  return actor.kind === "staff" && actor.role === "viewer" ? "viewer" : "staff";
}

/**
 * What an order page needs beyond the stored data: what this person may do now, why line
 * items are blocked, delivery progress and the recommended next steps.
 */
export function orderPageModel(detail: OrderDetail, actor: Actor, now: Date) {
  const today = calendarDayIn(now, detail.publisher.timezone);
  const snapshot = orderSnapshot(detail, now, detail.reservedIds, detail.money);
  const who = machineActor(actor, detail.order);
  const lineItems = detail.lineItems.map((li) => {
    const snap = snapshot.lineItems.find((s) => s.id === li.id)!;
    return {
      ...li,
      delivered: snap.delivered,
      deliveredPercent: li.quantity > 0 ? Math.min(100, (snap.delivered / li.quantity) * 100) : 0,
      /** The credit note canceling it would book: undelivered value, up to what was charged. */
      cancelCredit: creditOnCancel(snap, snapshot),
      blockedReason: lineItemBlockedReason(li, {
        prepayRequired: detail.order.prepayRequired,
        balanceDue: detail.money.balanceDue,
        today,
      }),
      allowed: allowedLineItemActions(snap, who, snapshot) as string[],
    };
  });
  const open = lineItems.filter((li) => li.status !== "canceled");
  const booked = open.reduce((sum, li) => sum + li.quantity, 0);
  const delivered = open.reduce((sum, li) => sum + Math.min(li.delivered, li.quantity), 0);
  return {
    today,
    allowed: allowedActions(snapshot, who) as string[],
    lineItems,
    deliveryPercent: booked > 0 ? (delivered / booked) * 100 : 0,
    workflowPercent: workflowProgress(detail.order.status),
    /** What will not serve if the order is started now; non-empty means "Start now" is an early start. */
    startWarnings: startWarnings(detail.order, today, lineItems),
    steps: nextSteps({
      status: detail.order.status,
      audience: nextStepsAudience(actor),
      currency: detail.order.currency,
      today,
      startDate: detail.order.startDate,
      prepayRequired: detail.order.prepayRequired,
      balanceDue: detail.money.balanceDue,
      refundable: detail.money.refundable,
      lineItems: lineItems.map((li) => ({
        status: li.status,
        blockedReason: li.blockedReason,
        creativesPending: li.creatives.filter((c) => c.reviewStatus === "pending").length,
      })),
    }),
  };
}
