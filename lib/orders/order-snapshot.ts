import { addDays, calendarDayIn, dayCount, earlierDay } from "@/lib/core/days";

import type { LedgerSums } from "@/lib/money/owed";
import type { LoadedOrder } from "./get-order-for-actor";
import type { LineItemSnapshot, OrderSnapshot } from "./types";

export function deliveredUnits(li: LoadedOrder["lineItems"][number], today: string): number {
  if (li.model === "cpm") return li.deliveredImpressions;
  if (li.model === "cpc") return li.deliveredClicks;
  // A sponsorship's days count as delivered once they are over.
  return sponsorshipDaysOver(li, addDays(today, -1));
}

/** Days of a sponsorship (CPD) that are over by the end of `lastOverDay`, at most the days booked. */
export function sponsorshipDaysOver(
  li: { startDate: string; endDate: string; quantity: number },
  lastOverDay: string,
): number {
  return Math.min(li.quantity, dayCount(li.startDate, earlierDay(li.endDate, lastOverDay)));
}

export function lineItemSnapshot(
  li: LoadedOrder["lineItems"][number],
  today: string,
  reservedIds: ReadonlySet<number>,
  blockedIds: ReadonlySet<number> = new Set(),
): LineItemSnapshot {
  return {
    blocked: blockedIds.has(li.id),
    id: li.id,
    status: li.status,
    model: li.model,
    quantity: li.quantity,
    delivered: deliveredUnits(li, today),
    amount: li.amount,
    reserved: reservedIds.has(li.id),
    pausedBy: li.pausedBy ?? null,
  };
}

/** The machine's view of a stored order, as of `now` in the publisher's time zone. */
export function orderSnapshot(
  loaded: LoadedOrder,
  now: Date,
  reservedIds: ReadonlySet<number>,
  money: LedgerSums,
  blockedIds: ReadonlySet<number> = new Set(),
): OrderSnapshot {
  const today = calendarDayIn(now, loaded.publisher.timezone);
  return {
    status: loaded.order.status,
    statusBeforeArchive: loaded.order.statusBeforeArchive,
    pausedBy: loaded.order.pausedBy ?? null,
    started: loaded.order.startDate !== null && loaded.order.startDate <= today,
    advertiserMayPause: loaded.publisher.advertiserMayPause,
    draftWaiting: loaded.draftWaiting,
    money,
    lineItems: loaded.lineItems.map((li) => lineItemSnapshot(li, today, reservedIds, blockedIds)),
  };
}
