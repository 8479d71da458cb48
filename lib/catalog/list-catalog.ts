import { asc, eq } from "drizzle-orm";
import { adZones, properties } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { publisherOf } from "./find-in-catalog";

/** Every property of the publisher with its zones, archived ones included (the desk sees all). */
export async function listCatalog(ctx: Ctx) {
  const actor = requireStaff(ctx.actor);
  const [publisher, props, zones] = await Promise.all([
    publisherOf(ctx.db, actor.publisherId),
    ctx.db
      .select()
      .from(properties)
      .where(eq(properties.publisherId, actor.publisherId))
      .orderBy(asc(properties.name), asc(properties.id)),
    ctx.db
      .select()
      .from(adZones)
      .where(eq(adZones.publisherId, actor.publisherId))
      .orderBy(asc(adZones.name), asc(adZones.id)),
  ]);
  return {
    publisher: { slug: publisher.slug, currency: publisher.currency, timezone: publisher.timezone },
    properties: props.map((p) => ({ ...p, zones: zones.filter((z) => z.propertyId === p.id) })),
  };
}

export type Catalog = Awaited<ReturnType<typeof listCatalog>>;
export type CatalogZone = Catalog["properties"][number]["zones"][number];
