import type { LoadedOrder } from "./get-order-for-actor";
import type { LineItemSnapshot, LineItemStatus, PricingModel } from "./types";

/** A line item as the events log names it: its zone and id, what it was and what it became. */
export type EventLineItem = {
  id: number;
  zone: string;
  from: LineItemStatus;
  to: LineItemStatus;
};

/** What an action booked, in minor units of the order's currency; only what actually happened. */
export type EventBooked = {
  currency: string;
  reserved?: { lineItemId: number; quantity: number; model: PricingModel }[];
  released?: number[];
  charged?: number;
  credits?: { lineItemId: number; amount: number }[];
  refunded?: number;
};

/** The structured details every order event carries about what it touched and booked. */
export type EventDetails = { lineItems?: EventLineItem[]; booked?: EventBooked };

/** The line items whose status the action changed, named by zone for the events log. */
export function touchedLineItems(
  loaded: Pick<LoadedOrder, "lineItems">,
  next: readonly Pick<LineItemSnapshot, "id" | "status">[],
  zones: readonly { id: number; name: string }[],
): EventLineItem[] {
  const touched: EventLineItem[] = [];
  for (const li of next) {
    const before = loaded.lineItems.find((x) => x.id === li.id);
    if (!before || before.status === li.status) continue;
    const zone = zones.find((z) => z.id === before.zoneId)?.name ?? "Line item";
    touched.push({ id: li.id, zone, from: before.status, to: li.status });
  }
  return touched;
}

/** Drops what an action did not book, so the stored details say only what happened. */
export function bookedDetails(booked: EventBooked): EventBooked | undefined {
  const out: EventBooked = { currency: booked.currency };
  if (booked.reserved?.length) out.reserved = booked.reserved;
  if (booked.released?.length) out.released = booked.released;
  if (booked.charged) out.charged = booked.charged;
  if (booked.credits?.length) out.credits = booked.credits;
  if (booked.refunded) out.refunded = booked.refunded;
  return Object.keys(out).length > 1 ? out : undefined;
}

/** The details to spread into an event's payload: only the keys that have something to say. */
export function eventDetails(lineItems: EventLineItem[], booked: EventBooked): EventDetails {
  const money = bookedDetails(booked);
  return { ...(lineItems.length ? { lineItems } : {}), ...(money ? { booked: money } : {}) };
}
