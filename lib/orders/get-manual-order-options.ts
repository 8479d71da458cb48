import { asc, eq } from "drizzle-orm";
import { advertisers, adZones, memberships, properties, publishers, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { requireStaff } from "@/lib/core/require-actor";

/** What the manual order form offers: this publisher's advertisers, properties, zones and sales team. */
export async function getManualOrderOptions(ctx: Ctx) {
  const actor = requireStaff(ctx.actor);
  const publisherId = actor.publisherId;
  const [publisher] = await ctx.db.select().from(publishers).where(eq(publishers.id, publisherId));
  const [advertiserRows, propertyRows, zoneRows, team] = await Promise.all([
    ctx.db
      .select({ id: advertisers.id, company: advertisers.company })
      .from(advertisers)
      .where(eq(advertisers.publisherId, publisherId))
      .orderBy(asc(advertisers.company)),
    ctx.db
      .select({ id: properties.id, name: properties.name })
      .from(properties)
      .where(eq(properties.publisherId, publisherId))
      .orderBy(asc(properties.name)),
    ctx.db.select().from(adZones).where(eq(adZones.publisherId, publisherId)).orderBy(asc(adZones.name)),
    ctx.db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.publisherId, publisherId))
      .orderBy(asc(users.name)),
  ]);
  return {
    currency: publisher.currency,
    today: calendarDayIn(ctx.now, publisher.timezone),
    advertisers: advertiserRows,
    properties: propertyRows,
    team,
    zones: zoneRows.map((z) => ({
      id: z.id,
      name: z.name,
      propertyId: z.propertyId,
      model: z.pricingModel,
      countries: Object.keys(z.countryShares).sort(),
      size: z.width && z.height ? `${z.width}×${z.height}` : null,
    })),
  };
}
