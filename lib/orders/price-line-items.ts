import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { adZones } from "@/db/schema";
import { Invalid } from "@/lib/core/errors";
import { priceLineItem } from "@/lib/pricing/price-line-item";
import { quoteLineItem } from "@/lib/pricing/quote-line-item";
import { zoneBookingProblems } from "@/lib/pricing/zone-booking-rules";
import type { lineItemDraftInput } from "./line-item-draft";

export type PricedLineItem = lineItemDraftInput & {
  zone: typeof adZones.$inferSelect;
  rate: number;
  quantity: number;
  amount: number;
};

/**
 * Checks each draft against the publisher's zones and today's date and prices it from
 * the rate card (or a negotiated rate). Every problem is reported by field; nothing is
 * written here.
 */
export async function priceLineItems(
  db: Queryable,
  publisherId: number,
  drafts: lineItemDraftInput[],
  {
    today,
    propertyId,
    allowRateOverride,
  }: { today: string; propertyId?: number | null; allowRateOverride: boolean },
): Promise<PricedLineItem[]> {
  const zoneIds = [...new Set(drafts.map((d) => d.zoneId))];
  const zones = zoneIds.length
    ? await db
        .select()
        .from(adZones)
        .where(and(eq(adZones.publisherId, publisherId), inArray(adZones.id, zoneIds)))
    : [];
  const errors: Record<string, string[]> = {};
  const fail = (path: string, message: string) => {
    errors[path] = [...(errors[path] ?? []), message];
  };
  const priced: PricedLineItem[] = [];
  for (const [i, draft] of drafts.entries()) {
    const at = (field: string) => `lineItems.${i}.${field}`;
    const zone = zones.find((z) => z.id === draft.zoneId);
    if (!zone) {
      fail(at("zoneId"), "Choose one of this publisher's ad zones.");
      continue;
    }
    if (propertyId && zone.propertyId !== propertyId) {
      fail(at("zoneId"), "This zone belongs to another property.");
      continue;
    }
    if (draft.startDate < today) fail(at("startDate"), "The start date is in the past.");
    // The zone's own rules from the catalog: archived, lead time, window, blackout days, quantity limits.
    for (const [field, message] of zoneBookingProblems(zone, draft, today)) fail(at(field), message);
    const unknown = draft.countries.filter((c) => !(c in zone.countryShares));
    if (unknown.length) fail(at("countries"), `${zone.name} is not sold in ${unknown.join(", ")}.`);
    if (zone.pricingModel !== "cpd" && !draft.quantity) fail(at("quantity"), "Enter a quantity.");
    if (draft.rate !== undefined && !allowRateOverride)
      fail(at("rate"), "Only the publisher can change the rate.");
    const fields = ["zoneId", "startDate", "endDate", "countries", "quantity", "rate"];
    if (fields.some((field) => errors[at(field)])) continue;
    const quote = quoteLineItem(zone, {
      countries: draft.countries,
      startDate: draft.startDate,
      endDate: draft.endDate,
      quantity: draft.quantity ?? 0,
    });
    const rate = draft.rate ?? quote.rate;
    const amount =
      draft.rate === undefined
        ? quote.amount
        : priceLineItem({
            model: zone.pricingModel,
            rate,
            quantity: quote.quantity,
            days: quote.days,
            countries: draft.countries.length,
          }).amount;
    priced.push({ ...draft, zone, rate, quantity: quote.quantity, amount });
  }
  if (Object.keys(errors).length) throw new Invalid("Please correct the highlighted line items.", errors);
  return priced;
}
