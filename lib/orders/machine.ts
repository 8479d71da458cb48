import { creditable, refundable } from "@/lib/money/owed";
import { type OrderAction, type OrderActionName, orderActionNames, orderActions } from "./actions";
import { listInSentence, orderStatusLabels, refundRefusals } from "./labels";
import {
  approveLineItems,
  type Change,
  chargeOpenLineItems,
  endLineItems,
  openLineItemStatuses,
  pauseLineItems,
  startLineItems,
  unpauseToReady,
} from "./line-item-changes";
import { advertiserLimit, forbiddenMessage, mayAttempt } from "./permissions";
import {
  type Effect,
  type LineItemSnapshot,
  type MachineActor,
  type NotifyTemplate,
  type OrderSnapshot,
  type OrderStatus,
  type Refusal,
  refuse,
} from "./types";

export { type OrderAction, type OrderActionName, orderActionNames } from "./actions";
export type {
  Effect,
  LineItemSnapshot,
  LineItemStatus,
  MachineActor,
  OrderSnapshot,
  OrderStatus,
  Refusal,
} from "./types";

export type TransitionResult =
  | { ok: true; next: OrderStatus; effects: Effect[]; lineItems: LineItemSnapshot[] }
  | Refusal;

export const fromStatuses: Record<OrderActionName, readonly OrderStatus[]> = {
  submit: ["draft"],
  request_quote: ["draft"],
  discard: ["draft"],
  send_quote: ["quote_requested"],
  decline: ["quote_requested"],
  cancel: ["quote_requested", "pending_review", "approved", "live", "paused"],
  accept_quote: ["quoted"],
  decline_quote: ["quoted"],
  expire: ["quoted"],
  approve: ["pending_review"],
  reject: ["pending_review"],
  start: ["approved"],
  pause: ["approved", "live"],
  resume: ["paused"],
  complete: ["live"],
  refund: ["canceled"],
  archive: ["completed", "canceled", "rejected"],
  unarchive: ["archived"],
};

function statusWord(status: OrderStatus): string {
  return orderStatusLabels[status].toLowerCase();
}

function wrongStatusMessage(action: OrderActionName, status: OrderStatus): string {
  const { label, verb } = orderActions[action];
  const from = listInSentence(fromStatuses[action].map(statusWord), "or");
  return `Cannot ${verb} an order that is ${statusWord(status)}. ${label} is possible from: ${from}.`;
}

/** Whether `actor` may take `action` on `order` as it stands, options aside. */
function check(order: OrderSnapshot, action: OrderActionName, actor: MachineActor): Refusal | null {
  if (!mayAttempt(actor, action)) return refuse("forbidden", forbiddenMessage(action, "an order"));
  if (!fromStatuses[action].includes(order.status)) {
    return refuse("not_allowed_from_status", wrongStatusMessage(action, order.status));
  }
  if (action === "refund" && refundable(order.money) === 0) {
    return refuse(
      "not_allowed_from_status",
      order.money.refunded > 0 ? refundRefusals.alreadyRefunded : refundRefusals.nothingOwed,
    );
  }
  const limit = actor.role === "advertiser" ? advertiserLimit(action, order) : null;
  if (limit) return refuse("forbidden", limit);
  if (action === "unarchive") {
    const before = order.statusBeforeArchive;
    if (before === null || !fromStatuses.archive.includes(before)) {
      return refuse("invalid", "This order has no completed, canceled or rejected status to restore.");
    }
  }
  return null;
}

function notify(to: "advertiser" | "staff", template: NotifyTemplate): Effect {
  return { type: "notify", to, template };
}

/** Tell whoever did not act: staff when the advertiser acts, the advertiser otherwise. */
function notifyOtherSide(actor: MachineActor, template: NotifyTemplate): Effect {
  return notify(actor.role === "advertiser" ? "staff" : "advertiser", template);
}

/**
 * Why starting now would be early: the start date is ahead, or open line items cannot serve
 * (no approved creative, unpaid prepayment, a later start date). People must choose that
 * explicitly; the scheduler starts orders on their start date and leaves blocked ones waiting,
 * and an API client's "play" is already the explicit request (seed 002).
 */
export function earlyStart(order: OrderSnapshot, actor: MachineActor): string | null {
  if (actor.role === "system" || actor.role === "api") return null;
  const open = order.lineItems.filter((li) => openLineItemStatuses.includes(li.status));
  const blocked = open.filter((li) => li.blocked).length;
  const reasons = [
    ...(order.started ? [] : ["its start date has not come yet"]),
    ...(blocked > 0
      ? [
          `${blocked} of ${open.length} line items cannot serve yet (no approved creative, unpaid prepayment or a later start date)`,
        ]
      : []),
  ];
  if (reasons.length === 0) return null;
  return `Starting now would be early: ${listInSentence(reasons)}. Choose “Start early” on the order page to make it live anyway.`;
}

type Applied = { next: OrderStatus; change: Change; notices: Effect[] };

const unchanged = (order: OrderSnapshot): Change => ({ lineItems: order.lineItems, effects: [] });

function approve(order: OrderSnapshot, cancelIds: number[]): Applied | Refusal {
  const open = order.lineItems.filter((li) => openLineItemStatuses.includes(li.status));
  const toCancel = new Set(cancelIds);
  const unknown = [...toCancel].filter((id) => !open.some((li) => li.id === id));
  if (unknown.length > 0) {
    return refuse("invalid", `These line items are not open in this order: ${unknown.join(", ")}.`);
  }
  if (open.length > 0 && toCancel.size === open.length) {
    return refuse("invalid", "Approving would cancel every line item; reject or cancel the order instead.");
  }
  const canceled = endLineItems(
    order.lineItems.filter((li) => toCancel.has(li.id)),
    "canceled",
    { creditUpTo: creditable(order.money) },
  );
  const merged = order.lineItems.map((li) => canceled.lineItems.find((c) => c.id === li.id) ?? li);
  const approved = approveLineItems(merged);
  return {
    next: "approved",
    change: {
      lineItems: approved.lineItems,
      effects: [...canceled.effects, ...approved.effects, ...chargeOpenLineItems(approved.lineItems)],
    },
    notices: [notify("advertiser", "order_approved")],
  };
}

function apply(order: OrderSnapshot, action: OrderAction, actor: MachineActor): Applied | Refusal {
  const items = order.lineItems;
  // Ending line items credits their undelivered value, but only what was charged and not yet
  // credited: before approval nothing was charged, so nothing is credited.
  const creditUpTo = creditable(order.money);
  const cancelAll = () => endLineItems(items, "canceled", { creditUpTo });
  switch (action.type) {
    case "submit":
      return {
        next: "pending_review",
        change: unchanged(order),
        notices: [notify("staff", "order_submitted")],
      };
    case "request_quote":
      return {
        next: "quote_requested",
        change: unchanged(order),
        notices: [notify("staff", "quote_requested")],
      };
    case "discard":
      return { next: "canceled", change: cancelAll(), notices: [] };
    case "send_quote":
      return { next: "quoted", change: unchanged(order), notices: [notify("advertiser", "quote_sent")] };
    case "decline":
      return {
        next: "rejected",
        change: cancelAll(),
        notices: [notify("advertiser", "quote_request_declined")],
      };
    case "cancel":
      return {
        next: "canceled",
        change: cancelAll(),
        notices: [notifyOtherSide(actor, "order_canceled")],
      };
    case "accept_quote": {
      const approved = approveLineItems(items);
      return {
        next: "approved",
        change: { ...approved, effects: [...approved.effects, ...chargeOpenLineItems(approved.lineItems)] },
        notices: [notify("staff", "quote_accepted")],
      };
    }
    case "decline_quote":
      return { next: "canceled", change: cancelAll(), notices: [notify("staff", "quote_declined")] };
    case "expire":
      return { next: "canceled", change: cancelAll(), notices: [notify("advertiser", "quote_expired")] };
    case "approve":
      return approve(order, action.cancelLineItemIds ?? []);
    case "reject":
      if (action.reason.trim() === "") return refuse("invalid", "A reason is required to reject an order.");
      return {
        next: "rejected",
        change: cancelAll(),
        notices: [notify("advertiser", "order_rejected")],
      };
    case "start": {
      const early = earlyStart(order, actor);
      if (early && !action.early) return refuse("invalid", early);
      return {
        next: "live",
        change: startLineItems(items, ["ready"]),
        notices: [notify("advertiser", "order_started")],
      };
    }
    case "pause":
      return {
        next: "paused",
        change: pauseLineItems(items),
        notices: [notifyOtherSide(actor, "order_paused")],
      };
    case "resume":
      return {
        next: order.started ? "live" : "approved",
        change: order.started ? startLineItems(items, ["paused", "ready"]) : unpauseToReady(items),
        notices: [notifyOtherSide(actor, "order_resumed")],
      };
    case "complete":
      return {
        next: "completed",
        change: endLineItems(items, "completed", { creditUpTo }),
        notices: [notify("advertiser", "order_completed")],
      };
    case "refund":
      return {
        next: "canceled",
        change: { lineItems: items, effects: [{ type: "refund", amount: refundable(order.money) }] },
        notices: [notify("advertiser", "order_refunded")],
      };
    case "archive":
      return { next: "archived", change: unchanged(order), notices: [] };
    case "unarchive":
      return { next: order.statusBeforeArchive ?? "archived", change: unchanged(order), notices: [] };
  }
}

/**
 * The order state machine (DESIGN.md §4). Pure: the caller carries out `effects` and
 * stores `next` and `lineItems`; on archive it also stores the current status as
 * `statusBeforeArchive`, which unarchive restores.
 */
export function transition(order: OrderSnapshot, action: OrderAction, actor: MachineActor): TransitionResult {
  const refusal = check(order, action.type, actor);
  if (refusal) return refusal;
  const applied = apply(order, action, actor);
  if ("ok" in applied) return applied;
  return {
    ok: true,
    next: applied.next,
    effects: [...applied.change.effects, ...applied.notices],
    lineItems: applied.change.lineItems,
  };
}

/** The actions `actor` may take on `order` now, for menus; options are checked on submit. */
export function allowedActions(order: OrderSnapshot, actor: MachineActor): OrderActionName[] {
  return orderActionNames.filter((action) => check(order, action, actor) === null);
}
