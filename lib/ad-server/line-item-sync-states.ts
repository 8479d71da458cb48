import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import {
  advertisers,
  adZones,
  creatives,
  lineItemCreatives,
  lineItems,
  orders,
  publishers,
} from "@/db/schema";
import type { LineItemSyncState } from "./sync-payload";

/**
 * The whole current state of each line item as the ad server is told it (a building block:
 * the caller has scoped the ids to `publisherId`, which the WHERE clause repeats).
 */
export async function lineItemSyncStates(
  db: Queryable,
  publisherId: number,
  lineItemIds: readonly number[],
): Promise<Map<number, LineItemSyncState>> {
  const states = new Map<number, LineItemSyncState>();
  if (lineItemIds.length === 0) return states;
  const rows = await db
    .select({
      li: lineItems,
      orderName: orders.name,
      advertiser: advertisers.company,
      timezone: publishers.timezone,
      zone: { id: adZones.id, name: adZones.name, width: adZones.width, height: adZones.height },
    })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .innerJoin(publishers, eq(publishers.id, lineItems.publisherId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .where(and(eq(lineItems.publisherId, publisherId), inArray(lineItems.id, [...lineItemIds])));
  const approved = await db
    .select({ lineItemId: lineItemCreatives.lineItemId, creative: creatives })
    .from(lineItemCreatives)
    .innerJoin(creatives, eq(creatives.id, lineItemCreatives.creativeId))
    .where(
      and(
        inArray(lineItemCreatives.lineItemId, [...lineItemIds]),
        eq(creatives.publisherId, publisherId),
        eq(creatives.reviewStatus, "approved"),
      ),
    )
    .orderBy(asc(creatives.id));
  for (const { li, orderName, advertiser, timezone, zone } of rows) {
    const mine = approved.filter((row) => row.lineItemId === li.id).map((row) => row.creative);
    states.set(li.id, {
      id: String(li.id),
      orderId: String(li.orderId),
      orderName,
      advertiser,
      status: li.status,
      active: (li.status === "ready" || li.status === "delivering") && mine.length > 0,
      model: li.model,
      quantity: li.quantity,
      dailyCap: li.dailyCap,
      priority: li.priority,
      startDate: li.startDate,
      endDate: li.endDate,
      timezone,
      countries: li.countries,
      zone: { id: String(zone.id), name: zone.name, width: zone.width, height: zone.height },
      creatives: mine.map((c) => ({
        id: String(c.id),
        name: c.name,
        kind: c.kind,
        width: c.width,
        height: c.height,
        clickUrl: c.clickUrl,
        body: c.kind === "image" ? null : c.body,
      })),
    });
  }
  return states;
}
