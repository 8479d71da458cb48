import type { adZones } from "@/db/schema";
import { requireWholeNumber } from "@/lib/core/require-whole-number";
import { normalizeCountries } from "@/lib/inventory/normalize-countries";
import { parseDayRange } from "@/lib/inventory/parse-day-range";
import { effectiveRate } from "./effective-rate";
import { priceLineItem } from "./price-line-item";

export type QuotedZone = Pick<typeof adZones.$inferSelect, "pricingModel" | "baseRate" | "countryModifiers">;

export type QuoteLineItemInput = {
  countries: readonly string[];
  startDate: string;
  endDate: string;
  /** Impressions (cpm) or clicks (cpc). Ignored for cpd, which is sold by the day. */
  quantity?: number;
};

export type LineItemQuote = {
  /** Blended rate in minor units, stored on the line item. */
  rate: number;
  /** Minor units. */
  amount: number;
  /** Impressions (cpm), clicks (cpc) or days (cpd). */
  quantity: number;
  days: number;
};

/**
 * The price of one line item on a zone. Booking, manual orders and the API all call
 * this, so the same dates, countries and quantity cost the same whoever books them.
 */
export function quoteLineItem(zone: QuotedZone, input: QuoteLineItemInput): LineItemQuote {
  const days = parseDayRange(input.startDate, input.endDate).length;
  const countries = normalizeCountries(input.countries);
  const { rate } = effectiveRate({
    baseRate: zone.baseRate,
    model: zone.pricingModel,
    countryModifiers: zone.countryModifiers,
    countries,
  });
  const quantity = zone.pricingModel === "cpd" ? days : requireWholeNumber("quantity", input.quantity);
  const { amount } = priceLineItem({
    model: zone.pricingModel,
    rate,
    quantity,
    days,
    countries: countries.length,
  });
  return { rate, amount, quantity, days };
}
