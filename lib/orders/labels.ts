import type { ActorRole } from "@/lib/core/actor";
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
