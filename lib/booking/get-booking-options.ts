import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { adZones, properties, publishers } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { isSlug } from "@/lib/core/validation";

/**
 * What the cart on a media kit needs, for an advertiser of that publisher only: the
 * zones on the rate card as the calendar shows them, and today in the publisher's zone.
 * Anyone else gets null and sees a sign-up or sign-in prompt instead.
 */
export const getBookingOptionsInput = z.object({ slug: z.string() });
export type getBookingOptionsInput = z.input<typeof getBookingOptionsInput>;

export async function getBookingOptions(ctx: PublicCtx, input: getBookingOptionsInput) {
  const { actor, db, now } = ctx;
  const { slug } = getBookingOptionsInput.parse(input);
  // Not a refusal: anyone else is shown the sign-up or sign-in prompt in its place.
  if (actor?.kind !== "advertiser" || !isSlug(slug)) return null;
  const [publisher] = await db
    .select()
    .from(publishers)
    .where(and(eq(publishers.slug, slug), eq(publishers.id, actor.publisherId)));
  if (!publisher) return null;
  const zones = await db
    .select({ zone: adZones })
    .from(adZones)
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .where(and(eq(adZones.publisherId, publisher.id), eq(adZones.visible, true)))
    .orderBy(asc(properties.name), asc(adZones.name));
  return {
    currency: publisher.currency,
    today: calendarDayIn(now, publisher.timezone),
    zones: zones.map(({ zone }) => ({
      id: zone.id,
      name: zone.name,
      propertyId: zone.propertyId,
      model: zone.pricingModel,
      countries: Object.keys(zone.countryShares).sort(),
      size: zone.width && zone.height ? `${zone.width}×${zone.height}` : null,
    })),
  };
}
