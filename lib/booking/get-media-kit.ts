import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { adZones, properties, publishers } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { isSlug } from "@/lib/core/validation";

export const getMediaKitInput = z.object({ slug: z.string() });
export type getMediaKitInput = z.input<typeof getMediaKitInput>;

/** The public rate card of a publisher: live properties and their visible zones. No login needed. */
export async function getMediaKit({ db }: PublicCtx, input: getMediaKitInput) {
  const { slug } = getMediaKitInput.parse(input);
  // A path segment can hold anything (a NUL byte the database would refuse); no slug looks like that.
  if (!isSlug(slug)) return null;
  const [publisher] = await db.select().from(publishers).where(eq(publishers.slug, slug));
  if (!publisher) return null;
  const [props, zones] = await Promise.all([
    db
      .select()
      .from(properties)
      .where(and(eq(properties.publisherId, publisher.id), isNull(properties.archivedAt)))
      .orderBy(asc(properties.name)),
    db
      .select()
      .from(adZones)
      // Archived zones and properties leave the media kit; their orders run on.
      .where(
        and(eq(adZones.publisherId, publisher.id), eq(adZones.visible, true), isNull(adZones.archivedAt)),
      )
      .orderBy(asc(adZones.name)),
  ]);
  return {
    publisher: { id: publisher.id, slug: publisher.slug, name: publisher.name, currency: publisher.currency },
    properties: props.map((p) => ({ ...p, zones: zones.filter((z) => z.propertyId === p.id) })),
  };
}
