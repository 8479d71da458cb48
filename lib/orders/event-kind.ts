/** The groups the events log filters by. */
export const eventKinds = {
  status: "Status",
  messages: "Messages",
  feedback: "Drafts and feedback",
  changes: "Change requests",
  payments: "Payments and billing",
  creatives: "Creatives",
  delivery: "Delivery and proof",
  automatic: "Automatic steps",
} as const;

export type EventKind = keyof typeof eventKinds;

const moneyTypes = /^(payment|refund|invoice|discount|transaction|billing|recurring|charge|credit)/;

/**
 * Which groups an order event belongs to: by its type, and "automatic" for everything the
 * scheduler or an API client did (an automatic start is both a status change and automatic).
 */
export function eventKindsOf(event: {
  type: string;
  actorKind: string;
  fromStatus: string | null;
  toStatus: string | null;
}): EventKind[] {
  const kinds: EventKind[] = [];
  const { type } = event;
  if (type.startsWith("message") || type === "internal_note") kinds.push("messages");
  else if (type.startsWith("feedback")) kinds.push("feedback");
  else if (type.startsWith("change_")) kinds.push("changes");
  else if (moneyTypes.test(type)) kinds.push("payments");
  else if (type.startsWith("creative")) kinds.push("creatives");
  else if (type.startsWith("delivery") || type.startsWith("proof")) kinds.push("delivery");
  else if (event.toStatus !== null || type.startsWith("line_item") || event.fromStatus !== null)
    kinds.push("status");
  if (event.actorKind === "system" || event.actorKind === "api") kinds.push("automatic");
  return kinds;
}
