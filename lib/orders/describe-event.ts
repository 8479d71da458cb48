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
  // Line item events written before line items were named still say which one.
  if (named.length === 0 && typeof payload.lineItemId === "number" && type.startsWith("line_item_")) {
    named.push(`line item #${payload.lineItemId}`);
  }
  return [...named, ...bookedSentences(payload, type)];
}
