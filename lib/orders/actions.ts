export const orderActionNames = [
  "submit",
  "request_quote",
  "discard",
  "send_quote",
  "decline",
  "cancel",
  "accept_quote",
  "decline_quote",
  "expire",
  "approve",
  "reject",
  "start",
  "pause",
  "resume",
  "complete",
  "refund",
  "archive",
  "unarchive",
] as const;
export type OrderActionName = (typeof orderActionNames)[number];

/** Only approve and reject carry options; every other action is just its name. */
export type OrderAction =
  | { type: "approve"; cancelLineItemIds?: number[] }
  | { type: "reject"; reason: string }
  | { type: Exclude<OrderActionName, "approve" | "reject"> };

export const lineItemActionNames = ["pause", "resume", "cancel", "start", "complete"] as const;
export type LineItemActionName = (typeof lineItemActionNames)[number];
