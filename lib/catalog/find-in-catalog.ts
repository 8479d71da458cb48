import { and, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones, lineItems, properties, publishers } from "@/db/schema";
import { invalidField, NotFound } from "@/lib/core/errors";

/** The publisher's own property, locked for a change; another publisher's is "not found". */
export async function findPropertyForUpdate(db: Queryable, publisherId: number, propertyId: number) {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(eq(properties.id, propertyId), eq(properties.publisherId, publisherId)))
    .for("update");
  if (!row) throw new NotFound("That property");
  return row;
}

/** The publisher's own zone, locked for a change; another publisher's is "not found". */
export async function findZoneForUpdate(db: Queryable, publisherId: number, zoneId: number) {
  const [row] = await db
    .select()
    .from(adZones)
    .where(and(eq(adZones.id, zoneId), eq(adZones.publisherId, publisherId)))
    .for("update");
  if (!row) throw new NotFound("That ad zone");
  return row;
}

/** A property to put a zone on, named on the form's property field when it is not the publisher's. */
export async function requireOwnProperty(db: Queryable, publisherId: number, propertyId: number) {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(eq(properties.id, propertyId), eq(properties.publisherId, publisherId)));
  if (!row) throw invalidField("propertyId", "Choose one of your properties.");
  return row;
}

export async function publisherOf(db: Queryable, publisherId: number) {
  const [row] = await db.select().from(publishers).where(eq(publishers.id, publisherId));
  if (!row) throw new NotFound("That publisher");
  return row;
}

/** Names are told apart without case: "Daily Brief" and "daily brief" would confuse buyers. */
export async function refuseTakenPropertyName(
  db: Queryable,
  publisherId: number,
  name: string,
  exceptId?: number,
) {
  const [taken] = await db
    .select({ id: properties.id })
    .from(properties)
    .where(
      and(
        eq(properties.publisherId, publisherId),
        sql`lower(${properties.name}) = lower(${name})`,
        exceptId ? ne(properties.id, exceptId) : undefined,
      ),
    );
  if (taken) throw invalidField("name", `You already have a property called “${name}”. Choose another name.`);
}

export async function refuseTakenZoneName(
  db: Queryable,
  publisherId: number,
  propertyId: number,
  name: string,
  exceptId?: number,
) {
  const [taken] = await db
    .select({ id: adZones.id })
    .from(adZones)
    .where(
      and(
        eq(adZones.publisherId, publisherId),
        eq(adZones.propertyId, propertyId),
        sql`lower(${adZones.name}) = lower(${name})`,
        exceptId ? ne(adZones.id, exceptId) : undefined,
      ),
    );
  if (taken)
    throw invalidField("name", `This property already has a zone called “${name}”. Choose another name.`);
}

/** Orders are placed per property, so a zone that has sold stays on the property it was sold on. */
export async function refuseMovingSoldZone(
  db: Queryable,
  publisherId: number,
  zone: { id: number; name: string },
) {
  const [sold] = await db
    .select({ id: lineItems.id })
    .from(lineItems)
    .where(and(eq(lineItems.publisherId, publisherId), eq(lineItems.zoneId, zone.id)))
    .limit(1);
  if (sold) {
    throw invalidField(
      "propertyId",
      `${zone.name} has orders, so it stays on its property. Add a new zone to the other property instead.`,
    );
  }
}
