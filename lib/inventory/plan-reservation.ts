import { requireWholeNumber } from "@/lib/core/require-whole-number";
import type { PricingModel } from "@/lib/orders/types";
import { normalizeCountries } from "./normalize-countries";
import { parseDayRange } from "./parse-day-range";

/** Units one line item holds on one zone, country and day. */
export type ReservationRow = { zoneId: number; country: string; day: string; units: number };

export type PlanReservationInput = {
  zoneId: number;
  model: PricingModel;
  /** Impressions for cpm; ignored otherwise. */
  quantity: number;
  countries: readonly string[];
  startDate: string;
  endDate: string;
};

/**
 * What a line item reserves, sorted by (zoneId, country, day).
 *
 * - cpm spreads its impressions evenly over days × countries; the remainder goes one
 *   unit each to the first rows, so the rows sum to exactly the quantity sold. Rows
 *   that would hold nothing (fewer impressions than cells) are left out.
 * - cpd is a sponsorship with 100% share of voice: one unit, the whole day, per
 *   country-day (cpd zones have a capacity of 1 per country-day).
 * - cpc is sold on clicks, which do not consume impression inventory: nothing.
 */
export function planReservation(input: PlanReservationInput): ReservationRow[] {
  if (input.model === "cpc") return [];
  const zoneId = requireWholeNumber("zoneId", input.zoneId);
  const days = parseDayRange(input.startDate, input.endDate);
  const countries = normalizeCountries(input.countries);
  const cells = countries.flatMap((country) => days.map((day) => ({ zoneId, country, day })));
  if (input.model === "cpd") return cells.map((cell) => ({ ...cell, units: 1 }));

  const quantity = requireWholeNumber("quantity", input.quantity);
  const base = Math.floor(quantity / cells.length);
  const remainder = quantity % cells.length;
  return cells
    .map((cell, i) => ({ ...cell, units: base + (i < remainder ? 1 : 0) }))
    .filter((row) => row.units > 0);
}
