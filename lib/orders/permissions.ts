import type { ActorRole } from "@/lib/core/actor";
import { type OrderActionName, orderActions } from "./actions";
import { listInSentence, partyLabels } from "./labels";
import type { MachineActor, OrderSnapshot, OrderStatus } from "./types";

const staffWrite = ["owner", "admin", "sales_manager"] as const;

/** Who may attempt each action at all; an advertiser only on an order of their own. */
export const whoMay: Record<OrderActionName, readonly ActorRole[]> = {
  submit: ["advertiser"],
  request_quote: ["advertiser"],
  discard: ["advertiser"],
  send_quote: staffWrite,
  decline: staffWrite,
  cancel: [...staffWrite, "advertiser", "api"],
  accept_quote: ["advertiser"],
  decline_quote: ["advertiser"],
  expire: ["system"],
  approve: staffWrite,
  reject: staffWrite,
  start: [...staffWrite, "api", "system"],
  pause: [...staffWrite, "advertiser", "api"],
  resume: [...staffWrite, "advertiser", "api"],
  complete: [...staffWrite, "system"],
  refund: ["owner", "admin", "api"],
  archive: [...staffWrite, "api"],
  unarchive: staffWrite,
};

export function mayAttempt(actor: MachineActor, action: OrderActionName): boolean {
  if (actor.role === "advertiser" && !actor.ownsOrder) return false;
  return whoMay[action].includes(actor.role);
}

export function forbiddenMessage(action: OrderActionName, subject: "an order" | "a line item"): string {
  const parties = listInSentence(whoMay[action].map((role) => partyLabels[role]));
  return `Only ${parties} can ${orderActions[action].verb} ${subject}.`;
}

/** Advertisers may cancel only before delivery is committed (a quoted order they decline instead). */
const advertiserCancelable: readonly OrderStatus[] = ["quote_requested", "pending_review"];

type OrderContext = Pick<
  OrderSnapshot,
  "status" | "started" | "advertiserMayPause" | "pausedBy" | "draftWaiting"
>;

/** The publisher paused this order (or it was paused before anyone recorded who did). */
export function pausedByPublisher(order: Pick<OrderSnapshot, "status" | "pausedBy">): boolean {
  return order.status === "paused" && order.pausedBy !== "advertiser";
}

export const publisherPausedMessage =
  "The publisher paused this order, so only the publisher's team can resume it or its line items.";

/** Why an advertiser who may attempt `action` still may not do it on this order, if so. */
export function advertiserLimit(
  action: OrderActionName,
  order: OrderContext,
  subject: "order" | "line item" = "order",
): string | null {
  const staff = "ask the publisher's team instead";
  if (action === "cancel") {
    const allowed =
      advertiserCancelable.includes(order.status) || (order.status === "approved" && !order.started);
    if (!allowed) return `Advertisers can cancel only before delivery starts; ${staff}.`;
    // Seed 004: while the publisher waits for the advertiser on work already begun, the order
    // can no longer be called off from the portal (before approval it can still be withdrawn).
    if (order.status === "approved" && order.draftWaiting) {
      return `The publisher's team has begun work and is waiting for your answer on a draft, so the order can no longer be canceled here; answer the draft or ${staff}.`;
    }
    return null;
  }
  if ((action === "pause" || action === "resume") && !order.advertiserMayPause) {
    return `This publisher does not let advertisers ${action} delivery; ${staff}.`;
  }
  // Resuming an order the publisher paused is theirs to decide; a line item's own rule is in its machine.
  if (subject === "order" && action === "resume" && pausedByPublisher(order)) {
    return publisherPausedMessage;
  }
  return null;
}
