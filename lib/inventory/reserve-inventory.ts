import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { reservations } from "@/db/schema";
import { InsufficientInventory, type Shortfall } from "@/lib/core/errors";
import { cellKey, cellsSql } from "./cells-sql";
import { lockInventory } from "./lock-inventory";
import type { ReservationRow } from "./plan-reservation";

type Booking = ReservationRow & { fits: number; overbooked: number; available: number };

/**
 * Reserves a line item's rows inside the caller's transaction (only `tx` is used:
 * the global db would deadlock PGlite's single connection).
 *
 * All or nothing: if any row does not fit and `overbook` is off, it throws
 * InsufficientInventory listing every short day and country, having written nothing.
 * With `overbook` (a permission the caller has checked), each row reserves what fits
 * and records the rest as the reservation's overbooked units, so inventory_days never
 * exceeds capacity and `reserved` always equals the sum of reservation units.
 *
 * Reserving again is harmless: rows this line item already holds are skipped, and the
 * inventory is only incremented for reservation rows this call actually inserted.
 */
export async function reserveInventory(
  tx: Queryable,
  lineItemId: number,
  rows: readonly ReservationRow[],
  { overbook }: { overbook: boolean },
): Promise<{ overbooked: Shortfall[] }> {
  const wanted = sortedCells(rows).filter((row) => row.units > 0);
  if (wanted.length === 0) return { overbooked: [] };

  const locked = await lockInventory(tx, sql`SELECT zone_id, country, day FROM ${cellsSql(wanted)}`);
  const held = await tx
    .select({ zoneId: reservations.zoneId, country: reservations.country, day: reservations.day })
    .from(reservations)
    .where(eq(reservations.lineItemId, lineItemId));
  const alreadyHeld = new Set(held.map(cellKey));

  const bookings: Booking[] = wanted
    .filter((row) => !alreadyHeld.has(cellKey(row)))
    .map((row) => {
      const cell = locked.get(cellKey(row));
      // A day without an inventory row has nothing to sell.
      const available = cell ? cell.capacity - cell.reserved : 0;
      const fits = Math.min(row.units, available);
      return { ...row, available, fits, overbooked: row.units - fits };
    });
  const short = bookings.filter((b) => b.overbooked > 0);
  if (short.length > 0 && !overbook) throw new InsufficientInventory(short.map(toShortfall));
  if (bookings.length === 0) return { overbooked: [] };

  // One statement: insert what is new, then increment inventory for exactly the rows
  // inserted (ON CONFLICT skips a concurrent duplicate), never past capacity.
  const { rows: result } = await tx.execute<{ wanted: string | number; applied: string | number }>(sql`
    WITH inserted AS (
      INSERT INTO reservations (line_item_id, zone_id, country, day, units, overbooked_units)
      SELECT ${lineItemId}, zone_id, country, day, units, overbooked
      FROM ${cellsSql(bookings, { units: (b) => b.fits, overbooked: (b) => b.overbooked })}
      ON CONFLICT (line_item_id, zone_id, country, day) DO NOTHING
      RETURNING zone_id, country, day, units
    ), applied AS (
      UPDATE inventory_days i
      SET reserved = i.reserved + n.units
      FROM inserted n
      WHERE i.zone_id = n.zone_id AND i.country = n.country AND i.day = n.day
        AND n.units > 0 AND i.reserved + n.units <= i.capacity
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted WHERE units > 0) AS wanted, (SELECT count(*) FROM applied) AS applied`);
  if (Number(result[0].wanted) !== Number(result[0].applied)) {
    // Impossible while the rows are locked; refuse rather than let reservations and inventory disagree.
    throw new Error(`Inventory changed under lock for line item ${lineItemId}`);
  }
  return { overbooked: short.map(toShortfall) };
}

function toShortfall(b: Booking): Shortfall {
  return { day: b.day, country: b.country, requested: b.units, available: b.available };
}

/** Sorted by (zone, country, day) and checked for duplicates, which would be counted twice. */
function sortedCells(rows: readonly ReservationRow[]): ReservationRow[] {
  const seen = new Set<string>();
  for (const row of rows) {
    if (!Number.isSafeInteger(row.units) || row.units < 0) {
      throw new RangeError(`Units must be a whole number >= 0: ${cellKey(row)}`);
    }
    if (seen.has(cellKey(row))) throw new RangeError(`Duplicate reservation row: ${cellKey(row)}`);
    seen.add(cellKey(row));
  }
  return [...rows].sort(
    (a, b) =>
      a.zoneId - b.zoneId ||
      (a.country < b.country ? -1 : a.country > b.country ? 1 : 0) ||
      (a.day < b.day ? -1 : a.day > b.day ? 1 : 0),
  );
}
