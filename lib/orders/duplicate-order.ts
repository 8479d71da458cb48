import { inArray } from "drizzle-orm";
import { z } from "zod";
import { lineItemCreatives } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { addDays, calendarDayIn, dayDiff } from "@/lib/core/days";
import { Invalid } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { calendarDay, id, text } from "@/lib/core/validation";

import { getOrderForActorOrThrow } from "./get-order-for-actor";
import { insertOrder } from "./insert-order";
import { priceLineItems } from "./price-line-items";
import { recordOrderEvent } from "./record-order-event";

export const duplicateOrderInput = z.object({
  orderId: id(),
  startDate: calendarDay("Choose the new start date."),
  name: text({ min: 2, max: 200, required: "Give the copy a name." }).optional(),
});
export type duplicateOrderInput = z.input<typeof duplicateOrderInput>;

/**
 * Seed 000 "Duplicate order": the same line items and creatives on new dates (every
 * line item moves by the same number of days). Staff get an approved order with its
 * inventory checked and reserved; an advertiser gets a draft to review and submit.
 */
export async function duplicateOrder(ctx: Ctx, input: duplicateOrderInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = duplicateOrderInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const source = await getOrderForActorOrThrow(tx, actor, data.orderId);
    const items = source.lineItems.filter((li) => li.status !== "canceled");
    if (items.length === 0 || !source.order.startDate) {
      throw new Invalid("This order has no line items left to copy.");
    }
    const today = calendarDayIn(ctx.now, source.publisher.timezone);
    if (data.startDate < today) {
      throw new Invalid("The new start date is in the past.", {
        startDate: ["The new start date is in the past."],
      });
    }
    const offset = dayDiff(source.order.startDate, data.startDate);
    const drafts = items.map((li) => ({
      zoneId: li.zoneId,
      countries: li.countries,
      startDate: addDays(li.startDate, offset),
      endDate: addDays(li.endDate, offset),
      quantity: li.quantity,
      rate: actor.kind === "staff" ? li.rate : undefined,
      priority: li.priority,
    }));
    const priced = await priceLineItems(tx, source.order.publisherId, drafts, {
      today,
      allowRateOverride: actor.kind === "staff",
    });
    const created = await insertOrder(tx, ctx, {
      publisherId: source.order.publisherId,
      currency: source.order.currency,
      advertiserId: source.order.advertiserId,
      propertyId: source.order.propertyId,
      name: data.name ?? `${source.order.name} (copy)`,
      source: source.order.source === "recurring" ? "manual" : source.order.source,
      status: actor.kind === "staff" ? "approved" : "draft",
      salesManagerId: source.order.salesManagerId,
      prepayRequired: source.order.prepayRequired,
      duplicatedFrom: source.order.id,
      lineItems: priced,
    });
    const links = await tx
      .select()
      .from(lineItemCreatives)
      .where(
        inArray(
          lineItemCreatives.lineItemId,
          items.map((li) => li.id),
        ),
      );
    const copies = links.flatMap((link) => {
      const index = items.findIndex((li) => li.id === link.lineItemId);
      const target = created.lineItems[index];
      return target ? [{ lineItemId: target.id, creativeId: link.creativeId }] : [];
    });
    if (copies.length) await tx.insert(lineItemCreatives).values(copies);
    await recordOrderEvent(tx, {
      actor,
      publisherId: source.order.publisherId,
      orderId: source.order.id,
      type: "duplicated_to",
      payload: { orderId: created.order.id },
      at: ctx.now,
    });
    return created;
  });
}
