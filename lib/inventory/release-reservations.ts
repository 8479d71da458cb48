import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { isCalendarDay } from "@/lib/core/days";
import { requireWholeNumber } from "@/lib/core/require-whole-number";
import { lockInventory } from "./lock-inventory";

/**
 * Gives back what the line items still hold from `fromDay` on (cancel, complete) and
 * returns the units handed back to inventory. Days before `fromDay` stay reserved:
 * that inventory was used. Overbooked units were never taken from inventory, so they
 * are dropped with their reservation rows but not counted.
 */
export async function releaseReservations(
  tx: Queryable,
  lineItemIds: readonly number[],
  { fromDay }: { fromDay: string },
): Promise<number> {
  if (!isCalendarDay(fromDay)) throw new RangeError(`Not a calendar day: ${fromDay}`);
  const ids = [...new Set(lineItemIds.map((id) => requireWholeNumber("lineItemId", id)))];
  if (ids.length === 0) return 0;
  const held = sql`
    reservations.line_item_id = ANY(${sql.param(ids)}::int[]) AND reservations.day >= ${fromDay}::date`;

  await lockInventory(tx, sql`SELECT zone_id, country, day FROM reservations WHERE ${held} AND units > 0`);
  // Several line items may share a cell, so units are summed per cell before one decrement each.
  const { rows } = await tx.execute<{ units: string | number }>(sql`
    WITH released AS (
      DELETE FROM reservations WHERE ${held}
      RETURNING zone_id, country, day, units
    ), per_cell AS (
      SELECT zone_id, country, day, sum(units) AS units
      FROM released WHERE units > 0
      GROUP BY zone_id, country, day
    ), returned AS (
      UPDATE inventory_days i
      SET reserved = i.reserved - p.units
      FROM per_cell p
      WHERE i.zone_id = p.zone_id AND i.country = p.country AND i.day = p.day
      RETURNING p.units
    )
    SELECT coalesce(sum(units), 0)::bigint AS units FROM returned`);
  return Number(rows[0].units);
}
