import { and, gt, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { reservations } from "@/db/schema";

/** Which of these line items still hold reserved units (a released reservation keeps its rows at 0). */
export async function reservedLineItemIds(db: Queryable, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: reservations.lineItemId })
    .from(reservations)
    .where(and(inArray(reservations.lineItemId, ids), gt(reservations.units, 0)));
  return new Set(rows.map((r) => r.id));
}
