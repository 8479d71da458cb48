import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones, publishers } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { NotFound } from "@/lib/core/errors";
import { isId } from "@/lib/core/validation";

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
    .where(
      actor?.kind === "staff"
        ? and(eq(adZones.id, zoneId), eq(adZones.publisherId, actor.publisherId))
        : actor?.kind === "advertiser"
          ? and(eq(adZones.id, zoneId), eq(adZones.publisherId, actor.publisherId), eq(adZones.visible, true))
          : and(eq(adZones.id, zoneId), eq(adZones.visible, true)),
    );
  if (!row) throw new NotFound("That ad zone");
  return row;
}
