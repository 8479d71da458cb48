import { divideRoundHalfUp } from "@/lib/core/divide-round-half-up";
import { invalidField } from "@/lib/core/errors";
import { requireWholeNumber } from "@/lib/core/require-whole-number";
import type { PricingModel } from "@/lib/orders/types";

export type PriceLineItemInput = {
  model: PricingModel;
  /** Minor units per 1,000 impressions (cpm), per click (cpc) or per day and country (cpd). */
  rate: number;
  /** Impressions (cpm) or clicks (cpc); for cpd the number of days, so it must equal `days`. */
  quantity: number;
  days: number;
  /** How many countries the line item targets. */
  countries: number;
};

/**
 * A line item's amount in minor units. CPM is rounded half up once, at the end; CPD
 * multiplies by countries because each country is a separate sponsorship slot.
 */
export function priceLineItem(input: PriceLineItemInput): { amount: number } {
  const rate = BigInt(requireWholeNumber("rate", input.rate, { min: 0 }));
  const quantity = BigInt(requireWholeNumber("quantity", input.quantity));
  const days = BigInt(requireWholeNumber("days", input.days));
  const countries = BigInt(requireWholeNumber("countries", input.countries));

  let amount: bigint;
  if (input.model === "cpm") amount = divideRoundHalfUp(rate * quantity, 1000n);
  else if (input.model === "cpc") amount = rate * quantity;
  else {
    if (quantity !== days) {
      throw invalidField("quantity", "A per-day line item's quantity is its number of days.");
    }
    amount = rate * days * countries;
  }

  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalidField(input.model === "cpd" ? "days" : "quantity", "That order is too large to price.");
  }
  return { amount: Number(amount) };
}
