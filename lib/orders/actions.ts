type OrderActionWords = {
  /** Names the action on a button. */
  label: string;
  /** Fits "Cannot <verb> an order". */
  verb: string;
  /** Ends the toast after it succeeded: "Order #12 <done>." */
  done: string;
};

/**
 * The one list of order actions, in the order menus show them, with the words people
 * read for each. The names, the machine's tables and the labels all derive from it.
 */
export const orderActions = {
  submit: { label: "Submit", verb: "submit", done: "submitted for review" },
  request_quote: { label: "Request quote", verb: "request a quote for", done: "sent as a quote request" },
  discard: { label: "Discard", verb: "discard", done: "discarded" },
  send_quote: { label: "Send quote", verb: "send a quote for", done: "quoted" },
  decline: { label: "Decline", verb: "decline", done: "declined" },
  cancel: { label: "Cancel", verb: "cancel", done: "canceled" },
  accept_quote: { label: "Accept quote", verb: "accept the quote of", done: "accepted" },
  decline_quote: { label: "Decline quote", verb: "decline the quote of", done: "declined" },
  expire: { label: "Expire", verb: "expire", done: "expired" },
  approve: { label: "Approve", verb: "approve", done: "approved" },
  reject: { label: "Reject", verb: "reject", done: "rejected" },
  start: { label: "Start", verb: "start", done: "started" },
  pause: { label: "Pause", verb: "pause", done: "paused" },
  resume: { label: "Resume", verb: "resume", done: "resumed" },
  complete: { label: "Complete", verb: "complete", done: "completed" },
  refund: { label: "Refund", verb: "refund", done: "refunded" },
  archive: { label: "Archive", verb: "archive", done: "archived" },
  unarchive: { label: "Unarchive", verb: "unarchive", done: "restored from the archive" },
} as const satisfies Record<string, OrderActionWords>;

export type OrderActionName = keyof typeof orderActions;
export const orderActionNames = Object.keys(orderActions) as OrderActionName[];

/**
 * Actions with a verb of their own: approve and reject carry options, the quote actions
 * write a quote row, and only the scheduler expires. The rest run through runOrderAction.
 */
const withOwnVerb = ["send_quote", "accept_quote", "expire", "approve", "reject"] as const;
export type SimpleOrderActionName = Exclude<OrderActionName, (typeof withOwnVerb)[number]>;
export const simpleOrderActionNames = orderActionNames.filter(
  (action): action is SimpleOrderActionName => !(withOwnVerb as readonly string[]).includes(action),
);

/**
 * Approve, reject and start carry options; every other action is just its name. `early` is
 * the person's explicit choice to start before the start date or with line items that cannot serve.
 */
export type OrderAction =
  | { type: "approve"; cancelLineItemIds?: number[] }
  | { type: "reject"; reason: string }
  | { type: "start"; early?: boolean }
  | { type: Exclude<OrderActionName, "approve" | "reject" | "start"> };

export const lineItemActionNames = ["pause", "resume", "cancel", "start", "complete"] as const;
export type LineItemActionName = (typeof lineItemActionNames)[number];
