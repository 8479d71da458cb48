import type { LedgerSums } from "./owed";

/** An order's money as every screen, list and export shows it, in minor units. */
export type OrderFigures = {
  /** What the order is worth before deductions: charged plus adjustments once approved, else its open line items. */
  booked: number;
  /** Discounts (a quote below the rate card, say). */
  discounts: number;
  /** Credit notes for what was canceled or not delivered. */
  credits: number;
  /** Booked less discounts and credits: what the order is worth now. */
  net: number;
};

/**
 * The one computation of an order's value. Before approval nothing is charged, so the
 * value is that of the line items still open; from approval the ledger has the word:
 * a quote accepted at $3,694.50 on $4,105.00 of line items books $4,105.00, discounts
 * $410.50 and is worth $3,694.50 net.
 */
export function orderFigures(
  money: LedgerSums,
  lineItems: readonly { status: string; amount: number }[],
): OrderFigures {
  const openValue = lineItems
    .filter((li) => li.status !== "canceled")
    .reduce((sum, li) => sum + li.amount, 0);
  const booked = (money.charged > 0 ? money.charged : openValue) + money.adjusted;
  const discounts = money.discounted;
  const credits = money.credited;
  return { booked, discounts, credits, net: Math.max(0, booked - discounts - credits) };
}
