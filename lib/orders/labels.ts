import type { ActorRole } from "@/lib/core/actor";
import type { OrderActionName } from "./actions";
import type { LineItemStatus, OrderStatus } from "./types";

export const orderStatusLabels: Record<OrderStatus, string> = {
  draft: "Draft",
  quote_requested: "Quote requested",
  quoted: "Quoted",
  pending_review: "Pending review",
  approved: "Approved",
  live: "Live",
  paused: "Paused",
  completed: "Completed",
  canceled: "Canceled",
  rejected: "Rejected",
  archived: "Archived",
};

export const lineItemStatusLabels: Record<LineItemStatus, string> = {
  pending: "Pending",
  ready: "Ready",
  delivering: "Delivering",
  paused: "Paused",
  completed: "Completed",
  canceled: "Canceled",
};

/** `label` names the action on a button; `verb` fits "Cannot <verb> an order". */
export const orderActionLabels: Record<OrderActionName, { label: string; verb: string }> = {
  submit: { label: "Submit", verb: "submit" },
  request_quote: { label: "Request quote", verb: "request a quote for" },
  discard: { label: "Discard", verb: "discard" },
  send_quote: { label: "Send quote", verb: "send a quote for" },
  decline: { label: "Decline", verb: "decline" },
  cancel: { label: "Cancel", verb: "cancel" },
  accept_quote: { label: "Accept quote", verb: "accept the quote of" },
  decline_quote: { label: "Decline quote", verb: "decline the quote of" },
  expire: { label: "Expire", verb: "expire" },
  approve: { label: "Approve", verb: "approve" },
  reject: { label: "Reject", verb: "reject" },
  start: { label: "Start", verb: "start" },
  pause: { label: "Pause", verb: "pause" },
  resume: { label: "Resume", verb: "resume" },
  complete: { label: "Complete", verb: "complete" },
  refund: { label: "Refund", verb: "refund" },
  archive: { label: "Archive", verb: "archive" },
  unarchive: { label: "Unarchive", verb: "unarchive" },
};

/** What a toast says after an action succeeded: "Order #12 canceled." */
export const orderActionDone: Record<OrderActionName, string> = {
  submit: "submitted for review",
  request_quote: "sent as a quote request",
  discard: "discarded",
  send_quote: "quoted",
  decline: "declined",
  cancel: "canceled",
  accept_quote: "accepted",
  decline_quote: "declined",
  expire: "expired",
  approve: "approved",
  reject: "rejected",
  start: "started",
  pause: "paused",
  resume: "resumed",
  complete: "completed",
  refund: "refunded",
  archive: "archived",
  unarchive: "restored from the archive",
};

/** How refusal messages name the people who may act instead. */
export const partyLabels: Record<ActorRole, string> = {
  owner: "owners",
  admin: "admins",
  sales_manager: "sales managers",
  viewer: "viewers",
  advertiser: "the order's advertiser",
  api: "API clients",
  system: "the system",
};

/** "a, b and c" for use inside a sentence. */
export function listInSentence(words: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}

/** Why a refund is refused: the machine says it before anything runs, the ledger under lock after. */
export const refundRefusals = {
  nothingOwed: "Nothing to refund: no money paid on this order is owed back to the advertiser.",
  alreadyRefunded: "The credit on this order has already been refunded.",
};
