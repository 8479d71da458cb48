import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import {
  advertisers,
  adZones,
  creatives,
  lineItemCreatives,
  lineItems,
  orders,
  properties,
  publishers,
} from "@/db/schema";
import type { ReviewStatus } from "@/lib/creatives/line-item-creative-state";
import type { LineItemStatus, OrderStatus } from "@/lib/orders/types";

let seq = 0;

/**
 * A publisher with an advertiser and a zone, COMMITTED (the batcher writes on its own
 * connection, so a rolled-back transaction cannot hold its data). `remove` deletes the
 * publisher and, by cascade, everything made under it.
 */
export async function makeTrackingPublisher(
  db: Queryable,
  { timezone = "UTC", propertyUrl = null }: { timezone?: string; propertyUrl?: string | null } = {},
) {
  const slug = `trk-${process.pid}-${Date.now()}-${++seq}`;
  const [publisher] = await db
    .insert(publishers)
    .values({ slug, name: `Tracking ${slug}`, timezone })
    .returning();
  const [advertiser] = await db
    .insert(advertisers)
    .values({
      publisherId: publisher.id,
      company: "Acme",
      contactName: "Ada",
      contactEmail: "ada@example.test",
    })
    .returning();
  const [property] = await db
    .insert(properties)
    .values({ publisherId: publisher.id, name: "Site", url: propertyUrl })
    .returning();
  const [zone] = await db
    .insert(adZones)
    .values({
      publisherId: publisher.id,
      propertyId: property.id,
      name: "Top",
      pricingModel: "cpm",
      baseRate: 500,
    })
    .returning();
  return {
    publisher,
    advertiser,
    zone,
    remove: async () => {
      await db.delete(publishers).where(eq(publishers.id, publisher.id));
    },
  };
}

export type TrackingPublisher = Awaited<ReturnType<typeof makeTrackingPublisher>>;

export async function makeTrackedLineItem(
  db: Queryable,
  fx: TrackingPublisher,
  {
    orderStatus = "live",
    status = "delivering",
    startDate = "2000-01-01",
    endDate = "2999-12-31",
    clickUrl = "https://advertiser.example/landing?utm=addesk",
    reviewStatus = "approved",
  }: {
    orderStatus?: OrderStatus;
    status?: LineItemStatus;
    startDate?: string;
    endDate?: string;
    clickUrl?: string;
    reviewStatus?: ReviewStatus;
  } = {},
) {
  const publisherId = fx.publisher.id;
  const [order] = await db
    .insert(orders)
    .values({
      publisherId,
      advertiserId: fx.advertiser.id,
      name: "Tracked order",
      source: "manual",
      status: orderStatus,
      currency: "USD",
    })
    .returning();
  const [lineItem] = await db
    .insert(lineItems)
    .values({
      orderId: order.id,
      publisherId,
      zoneId: fx.zone.id,
      countries: ["US"],
      startDate,
      endDate,
      model: "cpm",
      rate: 500,
      quantity: 1_000_000,
      amount: 500_000,
      status,
    })
    .returning();
  const [creative] = await db
    .insert(creatives)
    .values({
      publisherId,
      advertiserId: fx.advertiser.id,
      name: "Banner",
      kind: "text",
      clickUrl,
      reviewStatus,
    })
    .returning();
  await db.insert(lineItemCreatives).values({ lineItemId: lineItem.id, creativeId: creative.id });
  return { orderId: order.id, lineItemId: lineItem.id, creativeId: creative.id };
}
