import { z } from "zod";
import type { PublicCtx } from "@/lib/core/context";
import { quoteLineItem } from "@/lib/pricing/quote-line-item";
import { getZoneForActorOrThrow } from "./get-zone-for-actor";

export const quoteForZoneInput = z.object({
  zoneId: z.coerce.number().int().positive(),
  countries: z
    .string()
    .min(1, { error: "Choose at least one country." })
    .transform((v) => v.split(",").filter(Boolean)),
  startDate: z.iso.date({ error: "Choose a start date." }),
  endDate: z.iso.date({ error: "Choose an end date." }),
  quantity: z.coerce.number().int().positive({ error: "The quantity must be at least 1." }).optional(),
});
export type quoteForZoneInput = z.infer<typeof quoteForZoneInput>;

/** The rate card price of a line item, computed on the server so the screen shows what will be charged. */
export async function quoteForZone(ctx: PublicCtx, raw: unknown) {
  const input = quoteForZoneInput.parse(raw);
  const { zone, publisher } = await getZoneForActorOrThrow(ctx.db, ctx.actor, input.zoneId);
  const quote = quoteLineItem(zone, input);
  return { ...quote, currency: publisher.currency, model: zone.pricingModel };
}
