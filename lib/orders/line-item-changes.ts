import type { Effect, LineItemSnapshot, LineItemStatus } from "./types";
import { undeliveredValue } from "./undelivered-value";

/** Line items after an action, and the effects that carry the change out. */
export type Change = { lineItems: LineItemSnapshot[]; effects: Effect[] };

export const openLineItemStatuses: readonly LineItemStatus[] = ["pending", "ready", "delivering", "paused"];

type IdsEffect = Extract<Effect, { lineItemIds: number[] }>["type"];

function idsEffect(type: IdsEffect, items: LineItemSnapshot[]): Effect[] {
  return items.length > 0 ? [{ type, lineItemIds: items.map((li) => li.id) }] : [];
}

function isOpen(li: LineItemSnapshot): boolean {
  return openLineItemStatuses.includes(li.status);
}

/** CPC is sold on clicks, which do not consume impression inventory, so it never reserves. */
export function approveLineItems(items: LineItemSnapshot[]): Change {
  const toReserve = items.filter((li) => isOpen(li) && li.model !== "cpc" && !li.reserved);
  return {
    lineItems: items.map((li) => ({
      ...li,
      status: li.status === "pending" ? "ready" : li.status,
      reserved: li.reserved || toReserve.includes(li),
    })),
    effects: idsEffect("reserve", toReserve),
  };
}

export function startLineItems(items: LineItemSnapshot[], from: readonly LineItemStatus[]): Change {
  const starting = items.filter((li) => from.includes(li.status) && !li.blocked);
  return {
    lineItems: items.map((li) => (starting.includes(li) ? { ...li, status: "delivering" } : li)),
    effects: idsEffect("startDelivery", starting),
  };
}

/** Pausing keeps reservations: the inventory is still sold. */
export function pauseLineItems(items: LineItemSnapshot[]): Change {
  const pausing = items.filter((li) => li.status === "ready" || li.status === "delivering");
  return {
    lineItems: items.map((li) => (pausing.includes(li) ? { ...li, status: "paused" } : li)),
    effects: idsEffect(
      "pauseDelivery",
      pausing.filter((li) => li.status === "delivering"),
    ),
  };
}

export function unpauseToReady(items: LineItemSnapshot[]): Change {
  return {
    lineItems: items.map((li) => (li.status === "paused" ? { ...li, status: "ready" } : li)),
    effects: [],
  };
}

/**
 * Approval is when the price becomes owed: the charge is the value of the line items
 * still open, so line items canceled before or at approval are never charged.
 */
export function chargeOpenLineItems(items: LineItemSnapshot[]): Effect[] {
  const amount = items.filter(isOpen).reduce((sum, li) => sum + li.amount, 0);
  return amount > 0 ? [{ type: "charge", amount }] : [];
}

/** Credit notes for the undelivered value of `ending`, in order, together never above `creditUpTo`. */
function creditNotes(ending: LineItemSnapshot[], creditUpTo: number): Effect[] {
  let left = creditUpTo;
  const notes: Effect[] = [];
  for (const li of ending) {
    const amount = Math.min(undeliveredValue(li), left);
    if (amount <= 0) continue;
    notes.push({ type: "creditNote", lineItemId: li.id, amount });
    left -= amount;
  }
  return notes;
}

/**
 * Ends every open line item: delivery stops, every remaining reservation is released
 * (including ones a completed line item still holds), and the undelivered value of each
 * ended line item becomes a credit note, together at most `creditUpTo` (what was charged
 * and not yet credited; 0 where nothing is owed back).
 */
export function endLineItems(
  items: LineItemSnapshot[],
  to: "completed" | "canceled",
  { creditUpTo }: { creditUpTo: number },
): Change {
  const ending = items.filter(isOpen);
  return {
    lineItems: items.map((li) => ({ ...li, status: isOpen(li) ? to : li.status, reserved: false })),
    effects: [
      ...idsEffect(
        "pauseDelivery",
        ending.filter((li) => li.status === "delivering"),
      ),
      ...idsEffect(
        "release",
        items.filter((li) => li.reserved),
      ),
      ...creditNotes(ending, creditUpTo),
    ],
  };
}
