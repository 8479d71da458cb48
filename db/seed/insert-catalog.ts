import type { Queryable } from "../index";
import { advertisers, advertiserUsers, adZones, memberships, properties, publishers, users } from "../schema";
import { insertInChunks, insertReturningIds } from "./batch";
import { advertiserContactEmail, advertiserUserEmail, type PublisherSpec, staffEmail } from "./catalog";
import { addMinutes } from "./dates";
import type { ZoneRef } from "./inventory";

export type CatalogIds = {
  publishers: number[];
  /** By email. */
  users: Map<string, number>;
  /** By publisher, then property index. */
  properties: number[][];
  /** By ZoneRef key. */
  zones: Map<string, number>;
  /** By publisher, then advertiser index. */
  advertisers: number[][];
};

/** Publishers, their staff and advertisers, properties and zones. */
export async function insertCatalog(
  db: Queryable,
  specs: PublisherSpec[],
  zoneRefs: ZoneRef[],
  passwordHash: string,
  now: Date,
): Promise<CatalogIds> {
  const since = addMinutes(now, -400 * 24 * 60);
  const publisherIds = await insertReturningIds(
    specs.map((spec) => ({
      slug: spec.slug,
      name: spec.name,
      currency: spec.currency,
      timezone: spec.timezone,
      approvalWindowDays: spec.approvalWindowDays,
      prepayRequired: spec.prepayRequired,
      advertiserMayPause: spec.advertiserMayPause,
      createdAt: since,
    })),
    (chunk) => db.insert(publishers).values(chunk).returning({ id: publishers.id }),
  );

  const people = specs.flatMap((spec) => [
    ...spec.staff.map((member) => ({ email: staffEmail(spec, member.key), name: member.name })),
    ...spec.advertisers.map((advertiser) => ({
      email: advertiserUserEmail(advertiser),
      name: advertiser.userName,
    })),
  ]);
  const userIds = await insertReturningIds(
    people.map((person) => ({ ...person, passwordHash, createdAt: since })),
    (chunk) => db.insert(users).values(chunk).returning({ id: users.id }),
  );
  const userByEmail = new Map(people.map((person, i) => [person.email, userIds[i]]));

  await insertInChunks(
    specs.flatMap((spec, p) =>
      spec.staff.map((member) => ({
        userId: userByEmail.get(staffEmail(spec, member.key)) as number,
        publisherId: publisherIds[p],
        role: member.role,
        permissions: member.permissions,
      })),
    ),
    (chunk) => db.insert(memberships).values(chunk),
  );

  const propertyRows = specs.flatMap((spec, p) =>
    spec.properties.map((property) => ({
      publisherId: publisherIds[p],
      name: property.name,
      kind: property.kind,
      url: property.url,
      description: property.description,
      audience: property.audience,
      createdAt: since,
    })),
  );
  const propertyIds = await insertReturningIds(propertyRows, (chunk) =>
    db.insert(properties).values(chunk).returning({ id: properties.id }),
  );
  let next = 0;
  const propertyIdsByPublisher = specs.map((spec) => spec.properties.map(() => propertyIds[next++]));

  const zoneIds = await insertReturningIds(
    zoneRefs.map((zone) => ({
      publisherId: publisherIds[zone.publisher],
      propertyId: propertyIdsByPublisher[zone.publisher][zone.property],
      name: zone.spec.name,
      format: zone.spec.format,
      width: zone.spec.width ?? null,
      height: zone.spec.height ?? null,
      pricingModel: zone.spec.pricingModel,
      baseRate: zone.spec.baseRate,
      visible: zone.spec.visible ?? true,
      countryModifiers: zone.spec.countryModifiers,
      monthlyImpressions: zone.spec.monthlyImpressions,
      countryShares: zone.spec.countryShares,
      createdAt: since,
    })),
    (chunk) => db.insert(adZones).values(chunk).returning({ id: adZones.id }),
  );

  const advertiserRows = specs.flatMap((spec, p) =>
    spec.advertisers.map((advertiser) => ({
      publisherId: publisherIds[p],
      company: advertiser.company,
      contactName: advertiser.contactName,
      contactEmail: advertiserContactEmail(advertiser),
      phone: advertiser.phone,
      createdAt: addMinutes(since, 30 * 24 * 60),
    })),
  );
  const advertiserIds = await insertReturningIds(advertiserRows, (chunk) =>
    db.insert(advertisers).values(chunk).returning({ id: advertisers.id }),
  );
  next = 0;
  const advertiserIdsByPublisher = specs.map((spec) => spec.advertisers.map(() => advertiserIds[next++]));
  await insertInChunks(
    specs.flatMap((spec, p) =>
      spec.advertisers.map((advertiser, a) => ({
        advertiserId: advertiserIdsByPublisher[p][a],
        userId: userByEmail.get(advertiserUserEmail(advertiser)) as number,
      })),
    ),
    (chunk) => db.insert(advertiserUsers).values(chunk),
  );

  return {
    publishers: publisherIds,
    users: userByEmail,
    properties: propertyIdsByPublisher,
    zones: new Map(zoneRefs.map((zone, i) => [zone.key, zoneIds[i]])),
    advertisers: advertiserIdsByPublisher,
  };
}
