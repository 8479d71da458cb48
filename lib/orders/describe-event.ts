import { formatMoney } from "@/lib/format/format-money";
import { countOf, unitOf } from "@/lib/format/units";
import type { EventBooked, EventLineItem } from "./event-details";
import { listInSentence } from "./labels";

type Payload = Record<string, unknown>;

function lineItemsOf(payload: Payload): EventLineItem[] {
  return Array.isArray(payload.lineItems) ? (payload.lineItems as EventLineItem[]) : [];
}

/** "Leaderboard (#12)", or "line item #12" for an event written before line items were named. */
function nameOf(id: number, payload: Payload): string {
  const named = lineItemsOf(payload).find((li) => li.id === id);
  return named ? `${named.zone} (#${id})` : `line item #${id}`;
}

/** What happened to a line item, as a verb: "canceled", "started", "resumed"… */
function whatHappened(li: EventLineItem): string {
  if (li.to === "ready") return li.from === "paused" ? "resumed" : "made ready to deliver";
  if (li.to === "delivering") return li.from === "paused" ? "resumed" : "started";
  return li.to;
}

function lineItemSentences(payload: Payload): string[] {
  const byVerb = new Map<string, string[]>();
  for (const li of lineItemsOf(payload)) {
    const verb = whatHappened(li);
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), `${li.zone} (#${li.id})`]);
  }
  return [...byVerb].map(([verb, names]) => `${verb} ${listInSentence(names)}`);
}

function bookedSentences(payload: Payload, type: string): string[] {
  const booked = payload.booked as EventBooked | undefined;
  const sentences: string[] = [];
  const money = (amount: number) => formatMoney(amount, booked?.currency ?? "USD");
  for (const r of booked?.reserved ?? []) {
    sentences.push(`reserved ${countOf(r.quantity, unitOf[r.model])} for ${nameOf(r.lineItemId, payload)}`);
  }
  if (booked?.released?.length) {
    const names = booked.released.map((id) => nameOf(id, payload));
    sentences.push(`released what ${listInSentence(names)} still held`);
  }
  if (booked?.charged) sentences.push(`charged ${money(booked.charged)}`);
  for (const c of booked?.credits ?? []) {
    sentences.push(`credited ${money(c.amount)} for ${nameOf(c.lineItemId, payload)}`);
  }
  if (booked?.refunded) sentences.push(`refunded ${money(booked.refunded)}`);
  // An accepted quote books its discount or adjustment beside the charge.
  if (typeof payload.discounted === "number") sentences.push(`discounted ${money(payload.discounted)}`);
  if (typeof payload.adjusted === "number") sentences.push(`adjusted by +${money(payload.adjusted)}`);
  // A cancellation before anything was charged credits nothing; say so rather than leave it open.
  if (type === "line_item_cancel" && !booked?.credits?.length)
    sentences.push("no credit (nothing to credit)");
  return sentences;
}

/**
 * What an order event touched and booked, as sentence parts for the events log:
 * "canceled Leaderboard (#12)", "reserved 50,000 impressions for Sidebar (#13)", "charged $1,000.00".
 */
export function describeEventDetails(type: string, payload: Payload): string[] {
  const named = lineItemSentences(payload);
  // Events that carry only ids (delivery, creatives, and line item events written before
  // line items were named) still say which line item, creative or order they touched.
  if (named.length === 0 && typeof payload.lineItemId === "number")
    named.push(`line item #${payload.lineItemId}`);
  if (named.length === 0 && Array.isArray(payload.lineItemIds) && payload.lineItemIds.length > 0) {
    const ids = (payload.lineItemIds as number[]).map((id) => `#${id}`);
    named.push(`${ids.length === 1 ? "line item" : "line items"} ${listInSentence(ids)}`);
  }
  return [...named, ...referenceSentences(type, payload), ...bookedSentences(payload, type)];
}

/** The creative or order an event points to, by number. */
function referenceSentences(type: string, payload: Payload): string[] {
  const sentences: string[] = [];
  if (typeof payload.creativeId === "number") {
    const replaces =
      typeof payload.replacesId === "number" ? `, replacing creative #${payload.replacesId}` : "";
    sentences.push(`creative #${payload.creativeId}${replaces}`);
  }
  if (type === "duplicated_to" && typeof payload.orderId === "number")
    sentences.push(`to order #${payload.orderId}`);
  if (typeof payload.duplicatedFrom === "number") sentences.push(`from order #${payload.duplicatedFrom}`);
  // Feedback rounds and messages (lib/feedback, lib/messages): which draft or message, and what was said back.
  if (typeof payload.round === "number") sentences.push(`draft ${payload.round}`);
  if (typeof payload.messageId === "number") sentences.push(`message #${payload.messageId}`);
  if (typeof payload.attachment === "string") sentences.push(`attached ${payload.attachment}`);
  if (type === "feedback_changes_requested" && typeof payload.comment === "string")
    sentences.push(`“${payload.comment}”`);
  sentences.push(...changeRequestSentences(type, payload));
  if (typeof payload.quoteId === "number" && typeof payload.price === "string") {
    sentences.push(`quote #${payload.quoteId} at ${payload.price}`);
  }
  sentences.push(...syncSentences(type, payload));
  return sentences;
}

/** An ad server sync attempt (lib/ad-server): which change, which attempt, and the ad server's id or the error. */
function syncSentences(type: string, payload: Payload): string[] {
  if (type !== "ad_server_synced" && type !== "ad_server_sync_failed") return [];
  const sentences: string[] = [];
  if (typeof payload.change === "string") sentences.push(`change: ${payload.change.replaceAll("_", " ")}`);
  if (typeof payload.attempt === "number") sentences.push(`attempt ${payload.attempt}`);
  if (typeof payload.remoteId === "string") sentences.push(`ad server id ${payload.remoteId}`);
  if (typeof payload.error === "string") sentences.push(payload.error);
  if (payload.superseded === true) sentences.push("a later change is being sent instead");
  else if (type === "ad_server_sync_failed") {
    sentences.push(typeof payload.nextAttemptAt === "string" ? "will retry" : "no more automatic retries");
  }
  return sentences;
}

type Terms = { startDate: string; endDate: string; countries: string[]; quantity: number; rate: number };

/** How one line item's terms moved: "dates 2030-01-10–11 → 2030-01-10–12, quantity 1,000 → 3,000". */
function termChanges(before: Terms, after: Terms, money: (amount: number) => string): string[] {
  const parts: string[] = [];
  if (before.startDate !== after.startDate || before.endDate !== after.endDate)
    parts.push(`dates ${before.startDate}…${before.endDate} → ${after.startDate}…${after.endDate}`);
  if (before.countries.join() !== after.countries.join())
    parts.push(`countries ${before.countries.join(", ")} → ${after.countries.join(", ")}`);
  if (before.quantity !== after.quantity)
    parts.push(
      `quantity ${before.quantity.toLocaleString("en-US")} → ${after.quantity.toLocaleString("en-US")}`,
    );
  if (before.rate !== after.rate) parts.push(`rate ${money(before.rate)} → ${money(after.rate)}`);
  return parts;
}

/** Change requests (lib/change-requests): which proposal, the price it moves, and on acceptance what changed and was booked. */
function changeRequestSentences(type: string, payload: Payload): string[] {
  if (typeof payload.changeRequestId !== "number" || !type.startsWith("change_")) return [];
  const currency = typeof payload.currency === "string" ? payload.currency : "USD";
  const money = (amount: number) => formatMoney(amount, currency);
  const sentences = [`change request #${payload.changeRequestId}`];
  if (typeof payload.counterOf === "number") sentences.push(`countering #${payload.counterOf}`);
  if (typeof payload.fromVersion === "number" && typeof payload.toVersion === "number")
    sentences.push(`version ${payload.fromVersion} → ${payload.toVersion}`);
  if (typeof payload.amountBefore === "number" && typeof payload.amountAfter === "number")
    sentences.push(`price ${money(payload.amountBefore)} → ${money(payload.amountAfter)}`);
  for (const c of Array.isArray(payload.changed) ? payload.changed : []) {
    const { lineItemId, before, after } = c as { lineItemId: number; before: Terms; after: Terms };
    sentences.push(`line item #${lineItemId}: ${termChanges(before, after, money).join(", ")}`);
  }
  if (Array.isArray(payload.removedLineItemIds) && payload.removedLineItemIds.length)
    sentences.push(
      `removed ${listInSentence((payload.removedLineItemIds as number[]).map((id) => `#${id}`))}`,
    );
  if (Array.isArray(payload.addedLineItemIds) && payload.addedLineItemIds.length)
    sentences.push(`added ${listInSentence((payload.addedLineItemIds as number[]).map((id) => `#${id}`))}`);
  if (typeof payload.charged === "number" && payload.charged > 0)
    sentences.push(`charged ${money(payload.charged)}`);
  if (typeof payload.credited === "number" && payload.credited > 0)
    sentences.push(`credited ${money(payload.credited)}`);
  if (typeof payload.comment === "string") sentences.push(`“${payload.comment}”`);
  return sentences;
}
