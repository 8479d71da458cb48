import { creditable } from "@/lib/money/owed";
import { type LineItemActionName, lineItemActionNames, orderActions } from "./actions";
import { lineItemStatusLabels, listInSentence, orderStatusLabels } from "./labels";
import { endLineItems, pauseLineItems, startLineItems, unpauseToReady } from "./line-item-changes";
import {
  advertiserLimit,
  forbiddenMessage,
  mayAttempt,
  pausedByPublisher,
  publisherPausedMessage,
} from "./permissions";
import {
  type Effect,
  type LineItemSnapshot,
  type LineItemStatus,
  type MachineActor,
  type NotifyTemplate,
  type OrderSnapshot,
  type OrderStatus,
  type Refusal,
  refuse,
} from "./types";

/** What the line item machine needs to know about the order; an OrderSnapshot will do. */
export type LineItemContext = Pick<
  OrderSnapshot,
  "status" | "started" | "advertiserMayPause" | "money" | "pausedBy"
>;

/** Why an advertiser may not pause or resume this line item: only what they paused, never inside a publisher-paused order. */
function advertiserPauseLimit(li: LineItemSnapshot, action: LineItemActionName, order: LineItemContext) {
  if (action !== "pause" && action !== "resume") return null;
  if (pausedByPublisher(order)) return publisherPausedMessage;
  if (action === "resume" && li.pausedBy !== "advertiser") {
    return "The publisher paused this line item, so only the publisher's team can resume it.";
  }
  return null;
}

export type LineItemTransitionResult =
  | { ok: true; next: LineItemStatus; lineItem: LineItemSnapshot; effects: Effect[] }
  | Refusal;

const lineItemFrom: Record<LineItemActionName, readonly LineItemStatus[]> = {
  pause: ["ready", "delivering"],
  resume: ["paused"],
  cancel: ["pending", "ready", "delivering", "paused"],
  start: ["ready"],
  complete: ["ready", "delivering", "paused"],
};

/** Cancel needs a booked order (seed 000: "yet to be approved or already approved"). */
const orderStatusesFor: Record<LineItemActionName, readonly OrderStatus[]> = {
  pause: ["approved", "live", "paused"],
  resume: ["approved", "live", "paused"],
  cancel: ["pending_review", "approved", "live", "paused"],
  start: ["live"],
  complete: ["live", "paused"],
};

function check(
  li: LineItemSnapshot,
  action: LineItemActionName,
  actor: MachineActor,
  order: LineItemContext,
): Refusal | null {
  const { label, verb } = orderActions[action];
  if (!mayAttempt(actor, action)) return refuse("forbidden", forbiddenMessage(action, "a line item"));
  if (!orderStatusesFor[action].includes(order.status)) {
    const statuses = listInSentence(
      orderStatusesFor[action].map((s) => orderStatusLabels[s].toLowerCase()),
      "or",
    );
    return refuse(
      "not_allowed_from_status",
      `Cannot ${verb} a line item of an order that is ${orderStatusLabels[order.status].toLowerCase()}. ` +
        `${label} is possible while the order is ${statuses}.`,
    );
  }
  if (!lineItemFrom[action].includes(li.status)) {
    const from = listInSentence(
      lineItemFrom[action].map((s) => lineItemStatusLabels[s].toLowerCase()),
      "or",
    );
    return refuse(
      "not_allowed_from_status",
      `Cannot ${verb} a line item that is ${lineItemStatusLabels[li.status].toLowerCase()}. ` +
        `${label} is possible from: ${from}.`,
    );
  }
  const limit =
    actor.role === "advertiser"
      ? (advertiserLimit(action, order, "line item") ?? advertiserPauseLimit(li, action, order))
      : null;
  return limit ? refuse("forbidden", limit) : null;
}

/** Start and complete follow the schedule and need no message; the rest are someone's decision. */
const lineItemNotices: Record<LineItemActionName, NotifyTemplate | null> = {
  pause: "line_item_paused",
  resume: "line_item_resumed",
  cancel: "line_item_canceled",
  start: null,
  complete: null,
};

function otherSide(actor: MachineActor): "advertiser" | "staff" {
  return actor.role === "advertiser" ? "staff" : "advertiser";
}

/** Acts on one line item of an order whose status is unchanged by it. */
export function lineItemTransition(
  li: LineItemSnapshot,
  action: LineItemActionName,
  actor: MachineActor,
  order: LineItemContext,
): LineItemTransitionResult {
  const refusal = check(li, action, actor, order);
  if (refusal) return refusal;
  const creditUpTo = creditable(order.money);
  const { lineItems, effects } = {
    pause: () => pauseLineItems([li]),
    resume: () => (order.status === "live" ? startLineItems([li], ["paused"]) : unpauseToReady([li])),
    cancel: () => endLineItems([li], "canceled", { creditUpTo }),
    start: () => startLineItems([li], ["ready"]),
    complete: () => endLineItems([li], "completed", { creditUpTo }),
  }[action]();
  const template = lineItemNotices[action];
  const notices: Effect[] = template ? [{ type: "notify", to: otherSide(actor), template }] : [];
  const [next] = lineItems;
  return { ok: true, next: next.status, lineItem: next, effects: [...effects, ...notices] };
}

/** The credit note canceling `li` now would book, for the confirmation before it. */
export function creditOnCancel(li: LineItemSnapshot, order: LineItemContext): number {
  const { effects } = endLineItems([li], "canceled", { creditUpTo: creditable(order.money) });
  return effects.reduce((sum, e) => sum + (e.type === "creditNote" ? e.amount : 0), 0);
}

export function allowedLineItemActions(
  li: LineItemSnapshot,
  actor: MachineActor,
  order: LineItemContext,
): LineItemActionName[] {
  return lineItemActionNames.filter((action) => check(li, action, actor, order) === null);
}
