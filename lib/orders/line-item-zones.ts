import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones } from "@/db/schema";

/** The zones an order's line items run in, for their names and sizes in tables and messages. */
export async function lineItemZones(db: Queryable, lineItems: readonly { zoneId: number }[]) {
  if (lineItems.length === 0) return [];
  return db
    .select({ id: adZones.id, name: adZones.name, width: adZones.width, height: adZones.height })
    .from(adZones)
    .where(
      inArray(
        adZones.id,
        lineItems.map((li) => li.zoneId),
      ),
    );
}
