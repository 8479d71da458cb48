import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import type { adZones } from "@/db/schema";
import { addDays, dayRange, isCalendarDay } from "@/lib/core/days";
import { divideRoundHalfUp } from "@/lib/core/divide-round-half-up";
import { invalidField } from "@/lib/core/errors";
import { requireWholeNumber } from "@/lib/core/require-whole-number";

import { cellsSql } from "./cells-sql";
import { normalizeCountries } from "./normalize-countries";
import { MAX_RANGE_DAYS } from "./parse-day-range";

export type InventoryZone = Pick<
  typeof adZones.$inferSelect,
  "id" | "pricingModel" | "monthlyImpressions" | "countryShares"
>;

/**
 * Creates capacity for `days` days from `from` in every country with a share of the
 * zone's traffic, and returns how many days × countries were created. Existing days are
 * left alone (ON CONFLICT DO NOTHING), so hand-edited capacity and reservations survive
 * and the job can run again every day to extend the calendar.
 */
export async function generateInventory(
  tx: Queryable,
  zone: InventoryZone,
  { from, days }: { from: string; days: number },
): Promise<{ created: number }> {
  requireWholeNumber("days", days, { max: MAX_RANGE_DAYS });
  if (!isCalendarDay(from)) throw invalidField("from", "Enter the first day as YYYY-MM-DD.");
  const calendar = dayRange(from, addDays(from, days - 1));
  const shares = Object.entries(zone.countryShares).filter(([, share]) => share > 0);
  if (shares.length === 0) return { created: 0 };
  const countries = normalizeCountries(
    shares.map(([country]) => country),
    "countryShares",
  );
  const capacityOf = new Map(
    shares.map(([country, share]) => [country.toUpperCase(), dailyCapacity(zone, share)]),
  );

  const rows = countries.flatMap((country) =>
    calendar.map((day) => ({ zoneId: zone.id, country, day, capacity: capacityOf.get(country)! })),
  );
  const { rows: created } = await tx.execute(sql`
    INSERT INTO inventory_days (zone_id, country, day, capacity)
    SELECT zone_id, country, day, capacity FROM ${cellsSql(rows, { capacity: (r) => r.capacity })}
    ON CONFLICT (zone_id, country, day) DO NOTHING
    RETURNING 1`);
  return { created: created.length };
}

/**
 * A CPD day is one sponsorship per country. CPM and CPC days hold the country's share
 * of a month's impressions spread over 30 days, rounded to the nearest impression as
 * the demo seed does. The share becomes parts per million so the product is integral.
 */
export function dailyCapacity(zone: InventoryZone, share: number): number {
  if (zone.pricingModel === "cpd") return 1;
  const ppm = BigInt(Math.round(Math.min(share, 1) * 1_000_000));
  return Number(divideRoundHalfUp(BigInt(zone.monthlyImpressions) * ppm, 30_000_000n));
}
