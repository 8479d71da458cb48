import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { addDays, dayCount, laterDay } from "@/lib/core/days";
import { generateInventory, type InventoryZone } from "./generate-inventory";

/** Inventory always reaches this many days past today, so advertisers can book a year ahead. */
export const HORIZON_DAYS = 365;

/** The last day the zone has inventory for, or null when it has none. */
export async function lastInventoryDay(db: Queryable, zoneId: number): Promise<string | null> {
  const { rows } = await db.execute<{ last: string | null }>(
    sql`SELECT max(day)::text AS last FROM inventory_days WHERE zone_id = ${zoneId}`,
  );
  return rows[0]?.last ?? null;
}

/**
 * Adds the days between the zone's last inventory day and today + HORIZON_DAYS from its
 * estimate. Existing days (hand-edited, reserved) are never touched; run again the same
 * day it adds nothing.
 */
export async function extendHorizon(
  tx: Queryable,
  zone: InventoryZone,
  today: string,
): Promise<{ created: number; through: string }> {
  const through = addDays(today, HORIZON_DAYS);
  const last = await lastInventoryDay(tx, zone.id);
  const from = last ? laterDay(addDays(last, 1), today) : today;
  if (from > through) return { created: 0, through: last ?? through };
  const { created } = await generateInventory(tx, zone, { from, days: dayCount(from, through) });
  return { created, through };
}
