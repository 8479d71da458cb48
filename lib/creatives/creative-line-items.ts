import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones, lineItemCreatives, lineItems, orders } from "@/db/schema";
import { Invalid } from "@/lib/core/errors";
import type { SniffedImage } from "./sniff-image";

export type AdvertiserScope = { publisherId: number; advertiserId: number };

/** Line items that can still take a creative: not closed, in an order that is not closed. */
const closedLineItems = ["canceled", "completed"] as const;
const closedOrders = ["canceled", "rejected", "completed", "archived"] as const;

/** The advertiser's open line items (or the given ones among them), labelled for people. */
export async function openLineItemsOf(db: Queryable, scope: AdvertiserScope, ids?: readonly number[]) {
  return db
    .select({
      lineItemId: lineItems.id,
      orderId: orders.id,
      orderName: orders.name,
      zoneName: adZones.name,
      width: adZones.width,
      height: adZones.height,
      creativeKinds: adZones.creativeKinds,
      startDate: lineItems.startDate,
      endDate: lineItems.endDate,
    })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .where(
      and(
        eq(lineItems.publisherId, scope.publisherId),
        eq(orders.publisherId, scope.publisherId),
        eq(orders.advertiserId, scope.advertiserId),
        notInArray(lineItems.status, [...closedLineItems]),
        notInArray(orders.status, [...closedOrders]),
        ids ? inArray(lineItems.id, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(orders.id), asc(lineItems.id));
}

export type OpenLineItem = Awaited<ReturnType<typeof openLineItemsOf>>[number];

/** The chosen line items, each of which must be an open line item of this advertiser. */
export async function requireOpenLineItems(db: Queryable, scope: AdvertiserScope, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await openLineItemsOf(db, scope, unique);
  const missing = unique.filter((id) => !found.some((item) => item.lineItemId === id));
  if (missing.length > 0) {
    const message = `Line item ${missing.map((id) => `#${id}`).join(", ")} is not an open line item of this advertiser.`;
    throw new Invalid(message, { lineItemIds: [message] });
  }
  return found;
}

export const zoneLabel = (item: Pick<OpenLineItem, "zoneName" | "width" | "height">) =>
  item.width && item.height ? `${item.zoneName} (${item.width}×${item.height})` : item.zoneName;

/** An image must have exactly the pixel size of every sized zone it will serve in. */
export function assertImageFits(
  image: Pick<SniffedImage, "width" | "height">,
  items: readonly OpenLineItem[],
  field: string,
) {
  const misfit = items.find(
    (item) => item.width && item.height && (item.width !== image.width || item.height !== image.height),
  );
  if (!misfit) return;
  const message =
    `The image is ${image.width}×${image.height} pixels but ${misfit.zoneName} ` +
    `(line item #${misfit.lineItemId} of ${misfit.orderName}) needs ${misfit.width}×${misfit.height}.`;
  throw new Invalid(message, { [field]: [message] });
}

/** Line item ids linked to any of these creatives. */
export async function linkedLineItemIds(db: Queryable, creativeIds: readonly number[]): Promise<number[]> {
  if (creativeIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ lineItemId: lineItemCreatives.lineItemId })
    .from(lineItemCreatives)
    .where(inArray(lineItemCreatives.creativeId, [...creativeIds]));
  return rows.map((r) => r.lineItemId);
}

/** The orders whose line items use any of these creatives, within one publisher. */
export async function ordersUsing(db: Queryable, publisherId: number, creativeIds: readonly number[]) {
  if (creativeIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ orderId: lineItems.orderId })
    .from(lineItemCreatives)
    .innerJoin(lineItems, eq(lineItems.id, lineItemCreatives.lineItemId))
    .where(
      and(inArray(lineItemCreatives.creativeId, [...creativeIds]), eq(lineItems.publisherId, publisherId)),
    );
  return rows.map((r) => r.orderId).sort((a, b) => a - b);
}

/** The zone's allowed creative kinds (set in the catalog; none listed means any) must include this one. */
export function assertKindAllowed(kind: string, items: readonly OpenLineItem[], field: string) {
  const misfit = items.find(
    (item) => item.creativeKinds.length > 0 && !(item.creativeKinds as string[]).includes(kind),
  );
  if (!misfit) return;
  const message =
    `${misfit.zoneName} (line item #${misfit.lineItemId} of ${misfit.orderName}) takes ` +
    `${misfit.creativeKinds.join(" or ")} creatives, not ${kind}.`;
  throw new Invalid(message, { [field]: [message] });
}
