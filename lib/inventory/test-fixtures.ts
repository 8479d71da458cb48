import type { Queryable } from "@/db";
import { adZones, inventoryDays, lineItems, orders, properties } from "@/db/schema";
import { dayRange } from "@/lib/core/days";
import { makeAdvertiser, makePublisher } from "@/test/factories";

/** A publisher, property and zone to hang inventory on. */
export async function makeZone(db: Queryable, overrides: Partial<typeof adZones.$inferInsert> = {}) {
  const publisher = await makePublisher(db);
  const [property] = await db
    .insert(properties)
    .values({ publisherId: publisher.id, name: "Daily Brief" })
    .returning();
  const [zone] = await db
    .insert(adZones)
    .values({
      publisherId: publisher.id,
      propertyId: property.id,
      name: "Leaderboard",
      pricingModel: "cpm",
      baseRate: 1_000,
      ...overrides,
    })
    .returning();
  return { publisher, property, zone };
}

/** An approved order for a new advertiser, ready to take line items. */
export async function makeOrder(db: Queryable, publisherId: number) {
  const { advertiser, user } = await makeAdvertiser(db, publisherId);
  const [order] = await db
    .insert(orders)
    .values({
      publisherId,
      advertiserId: advertiser.id,
      name: "Spring campaign",
      source: "manual",
      status: "approved",
      currency: "USD",
    })
    .returning();
  return { order, advertiser, user };
}

export async function makeLineItem(
  db: Queryable,
  order: { id: number; publisherId: number },
  zoneId: number,
  overrides: Partial<typeof lineItems.$inferInsert> = {},
) {
  const [lineItem] = await db
    .insert(lineItems)
    .values({
      orderId: order.id,
      publisherId: order.publisherId,
      zoneId,
      countries: ["US"],
      startDate: "2030-01-01",
      endDate: "2030-01-03",
      model: "cpm",
      rate: 1_000,
      quantity: 1_000,
      amount: 1_000,
      ...overrides,
    })
    .returning();
  return lineItem;
}

/** The same capacity on every day and country of the range. */
export async function stockInventory(
  db: Queryable,
  zoneId: number,
  countries: string[],
  from: string,
  to: string,
  capacity: number,
) {
  const rows = countries.flatMap((country) =>
    dayRange(from, to).map((day) => ({ zoneId, country, day, capacity })),
  );
  await db.insert(inventoryDays).values(rows);
}
