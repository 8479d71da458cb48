import { eq, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db";
import { adZones, inventoryDays, properties } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { type Ctx, makeCtx } from "@/lib/core/context";
import { dayRange } from "@/lib/core/days";
import { insertOrder } from "@/lib/orders/insert-order";
import type { lineItemDraftInput } from "@/lib/orders/line-item-draft";
import { priceLineItems } from "@/lib/orders/price-line-items";
import { makeAdvertiser, makePublisher, makeStaff } from "./factories";

/** "Now" for order tests: the booked days in 2030 are safely in the future. */
export const testNow = new Date("2029-12-01T12:00:00Z");

/**
 * A publisher with one property, a CPM zone (US and GB, 1,000 impressions a day each)
 * and a CPD zone, inventory for 2030-01-01 … 2030-01-31, staff of every role and an advertiser.
 */
export async function makeDesk(db: Queryable, { capacity = 1000 } = {}) {
  const publisher = await makePublisher(db, { timezone: "UTC", currency: "USD" });
  const [property] = await db
    .insert(properties)
    .values({ publisherId: publisher.id, name: "Daily Brief" })
    .returning();
  const zone = async (name: string, pricingModel: "cpm" | "cpd", baseRate: number) =>
    (
      await db
        .insert(adZones)
        .values({
          publisherId: publisher.id,
          propertyId: property.id,
          name,
          pricingModel,
          baseRate,
          width: 728,
          height: 90,
          countryShares: { US: 0.6, GB: 0.4 },
        })
        .returning()
    )[0];
  const cpm = await zone("Leaderboard", "cpm", 1000);
  const cpd = await zone("Takeover", "cpd", 50_000);
  const days = dayRange("2030-01-01", "2030-01-31");
  await db.insert(inventoryDays).values(
    [cpm, cpd].flatMap((z) =>
      ["US", "GB"].flatMap((country) =>
        days.map((day) => ({
          zoneId: z.id,
          country,
          day,
          capacity: z.pricingModel === "cpd" ? 1 : capacity,
        })),
      ),
    ),
  );
  const admin = await makeStaff(db, publisher.id, "admin");
  const sales = await makeStaff(db, publisher.id, "sales_manager");
  const viewer = await makeStaff(db, publisher.id, "viewer");
  const { advertiser, actor: advertiserActor } = await makeAdvertiser(db, publisher.id);
  return { publisher, property, cpm, cpd, admin, sales, viewer, advertiser, advertiserActor };
}

export type Desk = Awaited<ReturnType<typeof makeDesk>>;

export const ctxFor = (actor: Actor, db: Transaction): Ctx => makeCtx(actor, { db, now: testNow });

/** A self-serve order waiting for review (or still a draft, or approved), priced from the rate card. */
export async function makePendingOrder(
  tx: Transaction,
  desk: Desk,
  drafts: Partial<lineItemDraftInput>[],
  status: "draft" | "pending_review" | "approved" = "pending_review",
) {
  const full = drafts.map((d) => ({
    zoneId: desk.cpm.id,
    countries: ["US"],
    startDate: "2030-01-10",
    endDate: "2030-01-11",
    quantity: 1000,
    priority: "normal" as const,
    ...d,
  }));
  const priced = await priceLineItems(tx, desk.publisher.id, full, {
    today: "2029-12-01",
    allowRateOverride: true,
  });
  return insertOrder(tx, ctxFor(desk.advertiserActor, tx), {
    publisherId: desk.publisher.id,
    currency: "USD",
    advertiserId: desk.advertiser.id,
    propertyId: desk.property.id,
    name: "Spring sale",
    source: "self_serve",
    status,
    lineItems: priced,
  });
}

export async function reservedOn(db: Queryable, zoneId: number) {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${inventoryDays.reserved}), 0)` })
    .from(inventoryDays)
    .where(eq(inventoryDays.zoneId, zoneId));
  return Number(row.total);
}
