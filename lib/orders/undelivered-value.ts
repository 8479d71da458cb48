import type { LineItemSnapshot } from "./types";

/**
 * The part of a line item's amount not yet earned by delivery, in minor units.
 * Delivered value is rounded down, so any fraction of a minor unit goes back to the
 * advertiser. BigInt because amount × delivered can pass 2^53.
 */
export function undeliveredValue(li: Pick<LineItemSnapshot, "amount" | "quantity" | "delivered">): number {
  const { amount, quantity, delivered } = li;
  for (const [name, value] of Object.entries({ amount, quantity, delivered })) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`${name} must be a non-negative integer`);
  }
  if (quantity === 0) throw new RangeError("quantity must be positive");
  const earned = (BigInt(amount) * BigInt(Math.min(delivered, quantity))) / BigInt(quantity);
  return amount - Number(earned);
}
