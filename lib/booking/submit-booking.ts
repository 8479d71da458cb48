import { eq } from "drizzle-orm";
import { z } from "zod";
import { publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Invalid } from "@/lib/core/errors";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { optionalText, text } from "@/lib/core/validation";

import { insertOrder } from "@/lib/orders/insert-order";
import { lineItemDraftInput } from "@/lib/orders/line-item-draft";
import { notifyOrderParty } from "@/lib/orders/notify-order-party";
import { priceLineItems } from "@/lib/orders/price-line-items";
import { checkCartAvailability } from "./check-cart-availability";

export const submitBookingInput = z
  .object({
    name: text({
      min: 2,
      max: 200,
      required: "Give your order a name.",
      tooLong: "Keep the name under 200 characters.",
    }),
    /** "book" at the rate card's prices, or ask the publisher for a "quote". */
    mode: z.enum(["book", "quote"], { error: "Choose to book or to ask for a quote." }).default("book"),
    brief: optionalText({ max: 5000, tooLong: "Keep the brief under 5,000 characters." }),
    lineItems: z
      .array(lineItemDraftInput)
      .min(1, { error: "Add at least one line item to your cart." })
      .max(50, { error: "An order holds at most 50 line items." }),
  })
  .refine((o) => o.mode === "book" || (o.brief ?? "").length >= 10, {
    error: "Tell the publisher what you need in a few words (at least 10 characters).",
    path: ["brief"],
  });
export type submitBookingInput = z.input<typeof submitBookingInput>;

/**
 * The advertiser's cart becomes an order: `pending_review` at rate card prices, or
 * `quote_requested` with a brief (seed 004). Prices come from the rate card, never from
 * the client; availability is checked now and again, under lock, when inventory is
 * reserved at approval. Staff are emailed either way.
 */
export async function submitBooking(ctx: Ctx, input: submitBookingInput) {
  const actor = requireAdvertiser(ctx.actor, "Only advertisers can book through the portal.");
  const data = submitBookingInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, actor.publisherId));
    const today = calendarDayIn(ctx.now, publisher.timezone);
    const priced = await priceLineItems(tx, publisher.id, data.lineItems, {
      today,
      allowRateOverride: false,
    });
    const hidden = priced.flatMap((li, i) =>
      li.zone.visible ? [] : [[`lineItems.${i}.zoneId`, ["Choose one of the zones on the rate card."]]],
    );
    if (hidden.length)
      throw new Invalid("Please correct the highlighted line items.", Object.fromEntries(hidden));
    await checkCartAvailability(tx, priced);

    const quote = data.mode === "quote";
    const propertyIds = new Set(priced.map((li) => li.zone.propertyId));
    const created = await insertOrder(tx, ctx, {
      publisherId: publisher.id,
      currency: publisher.currency,
      advertiserId: actor.advertiserId,
      propertyId: propertyIds.size === 1 ? [...propertyIds][0] : null,
      name: data.name,
      source: "self_serve",
      status: quote ? "quote_requested" : "pending_review",
      prepayRequired: publisher.prepayRequired,
      brief: data.brief || null,
      lineItems: priced,
    });
    await notifyOrderParty(
      tx,
      { order: created.order, publisher, lineItems: created.lineItems },
      "staff",
      quote ? "quote_requested" : "order_submitted",
    );
    return created;
  });
}
