import { asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import {
  advertisers,
  creatives,
  lineItemCreatives,
  orderEvents,
  properties,
  quotes,
  users,
} from "@/db/schema";
import { listChangeRequests } from "@/lib/change-requests/list-change-requests";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { feedbackForOrder } from "@/lib/feedback/list-feedback";
import { reservedLineItemIds } from "@/lib/inventory/reserved-line-items";
import { threadForActor } from "@/lib/messages/list-messages";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { orderFigures } from "@/lib/money/order-figures";
import { deliveryProofsForOrder } from "@/lib/proofs/list-delivery-proofs";
import { reviewsForOrder } from "@/lib/reviews/list-reviews";
import { surveyForOrder } from "@/lib/surveys/list-surveys";
import { getOrderForActorOrThrow } from "./get-order-for-actor";
import { lineItemZones } from "./line-item-zones";

const salesManager = alias(users, "sales_manager");

export const getOrderDetailInput = z.object({ orderId: id() });
export type getOrderDetailInput = z.input<typeof getOrderDetailInput>;

/** Everything the order page shows, for staff of its publisher or its own advertiser. */
export async function getOrderDetail(ctx: Ctx, input: getOrderDetailInput) {
  const actor = requirePerson(ctx.actor);
  const { orderId } = getOrderDetailInput.parse(input);
  const loaded = await getOrderForActorOrThrow(ctx.db, actor, orderId);
  const { order } = loaded;
  const lineItemIds = loaded.lineItems.map((li) => li.id);
  const [advertiser] = await ctx.db.select().from(advertisers).where(eq(advertisers.id, order.advertiserId));
  const [property] = order.propertyId
    ? await ctx.db.select().from(properties).where(eq(properties.id, order.propertyId))
    : [null];
  const [manager] = order.salesManagerId
    ? await ctx.db
        .select({ id: salesManager.id, name: salesManager.name })
        .from(salesManager)
        .where(eq(salesManager.id, order.salesManagerId))
    : [null];
  const zones = await lineItemZones(ctx.db, loaded.lineItems);
  const linked = lineItemIds.length
    ? await ctx.db
        .select({ lineItemId: lineItemCreatives.lineItemId, creative: creatives })
        .from(lineItemCreatives)
        .innerJoin(creatives, eq(creatives.id, lineItemCreatives.creativeId))
        .where(inArray(lineItemCreatives.lineItemId, lineItemIds))
        .orderBy(asc(creatives.id))
    : [];
  const events = await ctx.db
    .select({ event: orderEvents, actorName: users.name })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.actorUserId))
    .where(eq(orderEvents.orderId, order.id))
    .orderBy(desc(orderEvents.at), desc(orderEvents.id));
  // Scoped by side: an advertiser never receives internal notes, not even in page data.
  const thread = await threadForActor(ctx.db, actor, order.id);
  const feedback = await feedbackForOrder(ctx.db, actor, order.id);
  const reviews = await reviewsForOrder(ctx.db, actor, order.id);
  const changes = await listChangeRequests(ctx.db, actor, order.id);
  const proofs = await deliveryProofsForOrder(ctx.db, actor, order.id);
  const survey = await surveyForOrder(ctx.db, actor, order.id);
  const orderQuotes = await ctx.db
    .select()
    .from(quotes)
    .where(eq(quotes.orderId, order.id))
    .orderBy(desc(quotes.id));
  const money = await ledgerTotals(ctx.db, order.id);
  return {
    ...loaded,
    advertiser,
    property,
    salesManager: manager,
    lineItems: loaded.lineItems.map((li) => ({
      ...li,
      zone: zones.find((z) => z.id === li.zoneId)!,
      creatives: linked.filter((l) => l.lineItemId === li.id).map((l) => l.creative),
    })),
    events,
    messages: thread,
    feedback,
    reviews,
    changes,
    proofs,
    survey,
    quotes: orderQuotes,
    money,
    /** Booked, discounts, credits and net: the one computation every screen shows. */
    figures: orderFigures(money, loaded.lineItems),
    reservedIds: await reservedLineItemIds(ctx.db, lineItemIds),
  };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrderDetail>>;
