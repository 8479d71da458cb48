import { z } from "zod";
import type { PublicCtx } from "@/lib/core/context";
import { calendarDay, id, lineItemQuantity, text } from "@/lib/core/validation";
import { quoteLineItem } from "@/lib/pricing/quote-line-item";
import { getZoneForActorOrThrow } from "./get-zone-for-actor";

export const quoteForZoneInput = z.object({
  zoneId: id("Choose an ad zone."),
  countries: text({ min: 1, max: 1000, required: "Choose at least one country." }).transform((v) =>
    v.split(",").filter(Boolean),
  ),
  startDate: calendarDay("Choose a start date."),
  endDate: calendarDay("Choose an end date."),
  quantity: lineItemQuantity().optional(),
});
export type quoteForZoneInput = z.input<typeof quoteForZoneInput>;

/** The rate card price of a line item, computed on the server so the screen shows what will be charged. */
// `unknown`: the route hands over the query string as it came; this schema reads it.
export async function quoteForZone(ctx: PublicCtx, input: unknown) {
  const data = quoteForZoneInput.parse(input);
  const { zone, publisher } = await getZoneForActorOrThrow(ctx.db, ctx.actor, data.zoneId);
  const quote = quoteLineItem(zone, data);
  return { ...quote, currency: publisher.currency, model: zone.pricingModel };
}
