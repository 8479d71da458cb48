/** An order's ledger summed by kind, in minor units (every ledger amount is positive). */
export type LedgerSums = {
  charged: number;
  discounted: number;
  adjusted: number;
  credited: number;
  paid: number;
  refunded: number;
};

export const noMoney: LedgerSums = {
  charged: 0,
  discounted: 0,
  adjusted: 0,
  credited: 0,
  paid: 0,
  refunded: 0,
};

/** What the advertiser still owes (negative: the publisher owes them). */
export function balanceDue(s: LedgerSums): number {
  return s.charged + s.adjusted - s.discounted - s.credited - s.paid + s.refunded;
}

/**
 * What was billed (net of discounts) and not yet credited back: the most any further
 * credit note may credit. A credit only credits what was charged, so an order never
 * charged has nothing to credit, however much of it goes undelivered.
 */
export function creditable(s: LedgerSums): number {
  return Math.max(0, s.charged + s.adjusted - s.discounted - s.credited);
}

/**
 * What a refund returns: paid beyond what is owed, and never more than was paid and not
 * yet refunded (a refund returns money, it cannot create it).
 */
export function refundable(s: LedgerSums): number {
  return Math.max(0, Math.min(s.paid - s.refunded, -balanceDue(s)));
}
