import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones, properties, publishers } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { NotFound } from "@/lib/core/errors";
import { isId } from "@/lib/core/validation";

// Archived zones (or zones of archived properties) take no new bookings, like hidden ones.
const onSale = and(eq(adZones.visible, true), isNull(adZones.archivedAt), isNull(properties.archivedAt));

/**
 * A zone someone may look at: staff see every zone of their publisher; advertisers and
 * visitors only the zones on the public rate card.
 */
export async function getZoneForActorOrThrow(db: Queryable, actor: Actor | null, zoneId: number) {
  if (!isId(zoneId)) throw new NotFound("That ad zone");
  const [row] = await db
    .select({ zone: adZones, publisher: publishers })
    .from(adZones)
    .innerJoin(publishers, eq(publishers.id, adZones.publisherId))
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .where(
      actor?.kind === "staff"
        ? and(eq(adZones.id, zoneId), eq(adZones.publisherId, actor.publisherId))
        : actor?.kind === "advertiser"
          ? and(eq(adZones.id, zoneId), eq(adZones.publisherId, actor.publisherId), onSale)
          : and(eq(adZones.id, zoneId), onSale),
    );
  if (!row) throw new NotFound("That ad zone");
  return row;
}
