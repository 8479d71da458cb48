import type { CountryModifier } from "@/db/schema/inventory";
import { divideRoundHalfUp } from "@/lib/core/divide-round-half-up";
import { invalidField } from "@/lib/core/errors";
import { requireWholeNumber } from "@/lib/core/require-whole-number";
import { ratePer } from "@/lib/format/units";
import { normalizeCountries } from "@/lib/inventory/normalize-countries";
import type { PricingModel } from "@/lib/orders/types";

export type EffectiveRateInput = {
  /** The zone's rate in minor units: per 1,000 impressions (cpm), per click (cpc), per day (cpd). */
  baseRate: number;
  model: PricingModel;
  countryModifiers: readonly CountryModifier[];
  countries: readonly string[];
};

export type EffectiveRate = {
  /** The rate charged for the line item: the per-country rates averaged with equal weight. */
  rate: number;
  /** The zone's rate in each targeted country after its modifiers. */
  byCountry: Record<string, number>;
};

/**
 * The zone's rate for the targeted countries, in minor units.
 *
 * The blended rate weighs every country equally rather than by traffic: a CPM line
 * item's impressions are reserved evenly over its countries (planReservation) and a
 * CPD line item buys one slot per country, so each country carries the same share of
 * what is sold. It is rounded half up to a whole minor unit so that the stored rate ×
 * quantity reproduces the line item's amount, as the advertiser sees it on the invoice.
 */
export function effectiveRate(input: EffectiveRateInput): EffectiveRate {
  const baseRate = requireWholeNumber("baseRate", input.baseRate, { min: 0 });
  const countries = normalizeCountries(input.countries);
  const byCountry: Record<string, number> = {};
  let sum = 0n;
  for (const country of countries) {
    let rate = BigInt(baseRate);
    // A country normally has one modifier; several are applied in the order the publisher listed them.
    for (const modifier of input.countryModifiers) {
      if (modifier.country.toUpperCase() === country) rate = applyModifier(rate, modifier);
    }
    if (rate < 0n || rate > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw invalidField(
        "countryModifiers",
        `The price adjustment for ${country} puts the rate ${ratePer[input.model]} out of range.`,
      );
    }
    byCountry[country] = Number(rate);
    sum += rate;
  }
  return { rate: Number(divideRoundHalfUp(sum, BigInt(countries.length))), byCountry };
}

function applyModifier(rate: bigint, modifier: CountryModifier): bigint {
  if (modifier.kind === "fixed") {
    return (
      rate + BigInt(requireWholeNumber("countryModifiers", modifier.value, { min: -Number.MAX_SAFE_INTEGER }))
    );
  }
  if (!Number.isFinite(modifier.value))
    throw invalidField("countryModifiers", "A percentage must be a number.");
  // Percentages may carry decimals (+7.5%); basis points keep the arithmetic integral.
  const scaled = rate * (10_000n + BigInt(Math.round(modifier.value * 100)));
  // Below zero the rate is refused by the caller whatever its exact value, so only round what can stand.
  return scaled < 0n ? scaled : divideRoundHalfUp(scaled, 10_000n);
}
