import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { addDays, dayRange } from "@/lib/core/days";
import { cellsSql } from "./cells-sql";
import { dailyCapacity, type InventoryZone } from "./generate-inventory";

/**
 * After the estimate or the country shares change: every day from `from` for `days` days
 * gets the capacity the new estimate gives, but never less than what is already reserved
 * (sold inventory stays deliverable, reservations are not touched). Countries that lost
 * their share keep only what is reserved. Days before `from` (today, the past) stay as they are.
 */
export async function regenerateInventory(
  tx: Queryable,
  zone: InventoryZone,
  { from, days }: { from: string; days: number },
): Promise<{ updated: number }> {
  const to = addDays(from, days - 1);
  const calendar = dayRange(from, to);
  const shares = Object.entries(zone.countryShares).filter(([, share]) => share > 0);
  const countries = shares.map(([country]) => country.toUpperCase());
  const rows = shares.flatMap(([country, share]) =>
    calendar.map((day) => ({
      zoneId: zone.id,
      country: country.toUpperCase(),
      day,
      capacity: dailyCapacity(zone, share),
    })),
  );
  let updated = 0;
  if (rows.length > 0) {
    const { rows: written } = await tx.execute(sql`
      INSERT INTO inventory_days (zone_id, country, day, capacity)
      SELECT zone_id, country, day, capacity FROM ${cellsSql(rows, { capacity: (r) => r.capacity })}
      ON CONFLICT (zone_id, country, day)
      DO UPDATE SET capacity = GREATEST(EXCLUDED.capacity, inventory_days.reserved)
      RETURNING 1`);
    updated += written.length;
  }
  const { rows: dropped } = await tx.execute(sql`
    UPDATE inventory_days SET capacity = reserved
    WHERE zone_id = ${zone.id} AND day BETWEEN ${from}::date AND ${to}::date
      AND NOT (country = ANY(${sql.param(countries)}::varchar[])) AND capacity <> reserved
    RETURNING 1`);
  return { updated: updated + dropped.length };
}
