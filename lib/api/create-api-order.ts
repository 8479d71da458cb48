import { and, eq, inArray } from "drizzle-orm";
import { advertisers, adZones, lineItems, publishers } from "@/db/schema";
import { calendarDayIn } from "@/lib/core/days";
import { Invalid, invalidField } from "@/lib/core/errors";
import { insertOrder } from "@/lib/orders/insert-order";
import { notifyOrderParty } from "@/lib/orders/notify-order-party";
import { priceLineItems } from "@/lib/orders/price-line-items";
import { type ApiCtx, parseRequest } from "./api-route";
import { getApiOrder } from "./get-api-order";
import { refuseReadOnly } from "./read-only";
import { createOrderBody } from "./schemas";

/** AdDesk's line item fields under the names the API's client sent. */
const apiField: Record<string, string> = {
  zoneId: "linked_zone.id",
  startDate: "start_date",
  endDate: "end_date",
  quantity: "total_volume",
  countries: "countries",
  priority: "priority",
};

function renamedFields(error: unknown): unknown {
  if (!(error instanceof Invalid)) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([key, messages]) => {
      const field = key.replace(/^lineItems\.\d+\./, "");
      return [apiField[field] ?? field, messages];
    }),
  );
  const message = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
    .join("; ");
  return new Invalid(`The order cannot be booked. ${message}`, fields);
}

/**
 * POST /api/v1/orders/: one line item on one zone, approved at once without online
 * payment (seed 002: the API acts with the publisher's authority). Its inventory is
 * reserved now, all or nothing; a shortfall is a 409 naming each day and country.
 */
export async function createApiOrder(ctx: ApiCtx, raw: unknown) {
  refuseReadOnly(raw, "create");
  const data = parseRequest(createOrderBody, raw, "Please correct the order.");
  const orderId = await ctx.db.transaction(async (tx) => {
    const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, ctx.actor.publisherId));
    const [zone] = await tx
      .select()
      .from(adZones)
      .where(and(eq(adZones.id, data.linked_zone.id), eq(adZones.publisherId, publisher.id)));
    if (!zone) throw invalidField("linked_zone.id", "No ad zone of yours has this id.");
    if (data.model && data.model !== zone.pricingModel) {
      throw invalidField(
        "model",
        `${zone.name} is sold ${zone.pricingModel}; leave model out or send ${zone.pricingModel}.`,
      );
    }
    const [advertiser] = await tx
      .select({ id: advertisers.id })
      .from(advertisers)
      .where(and(eq(advertisers.id, data.linked_campaign.id), eq(advertisers.publisherId, publisher.id)));
    if (!advertiser) throw invalidField("linked_campaign.id", "No advertiser of yours has this id.");
    const draft = {
      zoneId: zone.id,
      countries: data.countries ?? Object.keys(zone.countryShares),
      startDate: data.start_date,
      endDate: data.end_date,
      quantity: data.total_volume,
      priority: data.priority ?? "normal",
    };
    const priced = await priceLineItems(tx, publisher.id, [draft], {
      today: calendarDayIn(ctx.now, publisher.timezone),
      propertyId: zone.propertyId,
      allowRateOverride: false,
    }).catch((error: unknown) => {
      throw renamedFields(error);
    });
    const created = await insertOrder(tx, ctx, {
      publisherId: publisher.id,
      currency: publisher.currency,
      advertiserId: advertiser.id,
      propertyId: zone.propertyId,
      name: data.name ?? `${zone.name} (${data.start_date})`,
      source: "api",
      status: "approved",
      prepayRequired: false,
      lineItems: priced,
      eventPayload: { apiKeyId: ctx.actor.apiKeyId },
    });
    if (data.daily_volume !== undefined) {
      const ids = created.lineItems.map((li) => li.id);
      await tx.update(lineItems).set({ dailyCap: data.daily_volume }).where(inArray(lineItems.id, ids));
    }
    await notifyOrderParty(tx, { ...created, publisher }, "advertiser", "order_approved");
    return created.order.id;
  });
  return getApiOrder(ctx, orderId);
}
