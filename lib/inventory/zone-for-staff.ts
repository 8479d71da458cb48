import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones, properties, publishers } from "@/db/schema";
import { NotFound } from "@/lib/core/errors";

/** One of the publisher's own zones with its property and the publisher's time zone; any other is "not found". */
export async function zoneForStaff(
  db: Queryable,
  publisherId: number,
  zoneId: number,
  { lock = false } = {},
) {
  const query = db
    .select({ zone: adZones, property: properties, timezone: publishers.timezone })
    .from(adZones)
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .innerJoin(publishers, eq(publishers.id, adZones.publisherId))
    .where(and(eq(adZones.id, zoneId), eq(adZones.publisherId, publisherId)));
  const [row] = lock ? await query.for("update", { of: adZones }) : await query;
  if (!row) throw new NotFound("That ad zone");
  return row;
}
