import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { Invalid, invalidField } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { calendarDay, id, wholeNumber } from "@/lib/core/validation";
import { cellKey, cellsSql } from "./cells-sql";
import { dailyCapacity } from "./generate-inventory";
import { normalizeCountries } from "./normalize-countries";
import { parseDayRange } from "./parse-day-range";
import { zoneForStaff } from "./zone-for-staff";

export const editCapacityInput = z.object({
  zoneId: id(),
  from: calendarDay("Choose the first day."),
  to: calendarDay("Choose the last day."),
  /** Empty means every country the zone has traffic or inventory in. */
  countries: z
    .union([z.array(z.string().max(8)), z.string().max(8)], { error: "Choose countries." })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean)),
  mode: z.enum(["absolute", "percent"], { error: "Choose a number or a percentage of the estimate." }),
  value: wholeNumber({ min: 0, max: 1_000_000_000_000, invalid: "Enter a whole number, 0 or more." }),
});
export type editCapacityInput = z.input<typeof editCapacityInput>;

const listed = 8;

/**
 * Sets the capacity of a zone for a range of days and a set of countries, either as a
 * number per day and country or as a percentage of what the estimate gives (a holiday
 * week at 50%). All or nothing, in one transaction: if any day would fall below what is
 * already reserved, the refusal lists those days and by how much, and nothing changes.
 */
export async function editCapacity(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = editCapacityInput.parse(input);
  const days = parseDayRange(data.from, data.to, { start: "from", end: "to" });
  if (data.mode === "percent" && data.value > 1000) throw invalidField("value", "Enter at most 1,000%.");
  return ctx.db.transaction(async (tx) => {
    const { zone } = await zoneForStaff(tx, actor.publisherId, data.zoneId, { lock: true });
    const { rows: present } = await tx.execute<{ country: string }>(
      sql`SELECT DISTINCT country FROM inventory_days WHERE zone_id = ${zone.id}`,
    );
    const known = [...Object.keys(zone.countryShares), ...present.map((r) => r.country)];
    const countries = normalizeCountries(data.countries.length > 0 ? data.countries : known, "countries");
    const share = (country: string) =>
      Object.entries(zone.countryShares).find(([c]) => c.toUpperCase() === country)?.[1] ?? 0;
    const target = (country: string) =>
      data.mode === "absolute"
        ? data.value
        : Math.round((dailyCapacity(zone, share(country)) * data.value) / 100);
    const cells = countries.flatMap((country) =>
      days.map((day) => ({ zoneId: zone.id, country, day, capacity: target(country) })),
    );

    const { rows: reserved } = await tx.execute<{ country: string; day: string; reserved: number }>(sql`
      SELECT country, day::text AS day, reserved FROM inventory_days
      WHERE zone_id = ${zone.id} AND country = ANY(${sql.param(countries)}::varchar[])
        AND day BETWEEN ${data.from}::date AND ${data.to}::date AND reserved > 0
      FOR UPDATE`);
    const reservedAt = new Map(reserved.map((r) => [cellKey({ ...r, zoneId: zone.id }), Number(r.reserved)]));
    const short = cells
      .map((c) => ({ ...c, reserved: reservedAt.get(cellKey(c)) ?? 0 }))
      .filter((c) => c.capacity < c.reserved);
    if (short.length > 0) {
      const lines = short
        .slice(0, listed)
        .map((c) => `${c.day} ${c.country}: ${c.reserved - c.capacity} below the ${c.reserved} reserved`);
      const more = short.length > listed ? `; and ${short.length - listed} more` : "";
      const message = `Capacity cannot go below what is already reserved. ${lines.join("; ")}${more}. Nothing was changed.`;
      throw new Invalid(message, { value: [message] });
    }

    await tx.execute(sql`
      INSERT INTO inventory_days (zone_id, country, day, capacity)
      SELECT zone_id, country, day, capacity FROM ${cellsSql(cells, { capacity: (c) => c.capacity })}
      ON CONFLICT (zone_id, country, day) DO UPDATE SET capacity = EXCLUDED.capacity`);
    return {
      zoneId: zone.id,
      days: days.length,
      countries,
      cells: cells.length,
      from: data.from,
      to: data.to,
    };
  });
}
