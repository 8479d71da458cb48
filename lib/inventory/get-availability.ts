import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { requireWholeNumber } from "@/lib/core/require-whole-number";
import { normalizeCountries } from "./normalize-countries";
import { parseDayRange } from "./parse-day-range";

export type CountryAvailability = { capacity: number; reserved: number; available: number };

export type AvailabilityDay = {
  day: string;
  byCountry: Record<string, CountryAvailability>;
  /** Units still free over all the requested countries. */
  available: number;
  /** Nothing left in any requested country. */
  soldOut: boolean;
};

type StoredCell = [day: string, capacity: number, reserved: number];

export type GetAvailabilityInput = { zoneId: number; countries: readonly string[]; from: string; to: string };

/**
 * The booking calendar of one zone: capacity − reserved per day and country, from
 * `from` to `to` inclusive. A day without an inventory row has capacity 0, so it
 * shows as sold out rather than as unlimited.
 *
 * One range read on the primary key (zone_id, country, day); see bench/availability.ts.
 */
export async function getAvailability(
  db: Queryable,
  input: GetAvailabilityInput,
): Promise<{ days: AvailabilityDay[] }> {
  const zoneId = requireWholeNumber("zoneId", input.zoneId);
  const countries = normalizeCountries(input.countries);
  const days = parseDayRange(input.from, input.to, { start: "from", end: "to" });

  // One row per country carrying its days as JSON: parsing one value per country instead
  // of one row per cell is what keeps 1,800 cells well inside the bar, on PGlite especially.
  const { rows } = await db.execute<{ country: string; cells: StoredCell[] }>(sql`
    SELECT country, json_agg(json_build_array(day, capacity, reserved)) AS cells
    FROM inventory_days
    WHERE zone_id = ${zoneId} AND country = ANY(${sql.param(countries)}::varchar[])
      AND day BETWEEN ${input.from}::date AND ${input.to}::date
    GROUP BY country`);

  // Cells slotted by day position: no per-cell string keys on a path that touches 1,800 of them.
  const position = new Map(days.map((day, i) => [day, i]));
  const slots = new Map<string, (StoredCell | undefined)[]>();
  for (const { country, cells } of rows) {
    const byDay = new Array<StoredCell | undefined>(days.length);
    for (const cell of cells) byDay[position.get(cell[0])!] = cell;
    slots.set(country, byDay);
  }
  return {
    days: days.map((day, i) => {
      const byCountry: Record<string, CountryAvailability> = {};
      let available = 0;
      for (const country of countries) {
        const [, capacity, reserved] = slots.get(country)?.[i] ?? [day, 0, 0];
        byCountry[country] = { capacity, reserved, available: capacity - reserved };
        available += capacity - reserved;
      }
      return { day, byCountry, available, soldOut: available === 0 };
    }),
  };
}
