import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { cellKey } from "./cells-sql";

export type LockedCell = { zoneId: number; country: string; day: string; capacity: number; reserved: number };

/**
 * Locks the inventory rows of the given cells (a query yielding zone_id, country, day)
 * for the rest of the caller's transaction and returns them by cellKey.
 *
 * Every writer of inventory_days.reserved locks through here, in one fixed order
 * (zone, country, day): two approvals contending for the same days then queue one
 * behind the other instead of deadlocking, whatever order their rows came in.
 */
export async function lockInventory(tx: Queryable, cells: SQL): Promise<Map<string, LockedCell>> {
  const { rows } = await tx.execute<{
    zone_id: number;
    country: string;
    day: string;
    capacity: string | number;
    reserved: string | number;
  }>(sql`
    SELECT zone_id, country, day::text AS day, capacity, reserved
    FROM inventory_days
    WHERE (zone_id, country, day) IN (${cells})
    ORDER BY zone_id, country, day
    FOR UPDATE`);
  const locked = new Map<string, LockedCell>();
  for (const row of rows) {
    // node-postgres returns bigint as text, PGlite as number.
    const cell = {
      zoneId: Number(row.zone_id),
      country: row.country,
      day: row.day,
      capacity: Number(row.capacity),
      reserved: Number(row.reserved),
    };
    locked.set(cellKey(cell), cell);
  }
  return locked;
}
