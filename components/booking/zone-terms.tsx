import type { adZones } from "@/db/schema";
import { formatCount, formatMoney } from "@/lib/format";
import { ratePer, unitOf } from "@/lib/format/units";
import { effectiveRate } from "@/lib/pricing/effective-rate";

type Zone = Pick<
  typeof adZones.$inferSelect,
  | "baseRate"
  | "pricingModel"
  | "countryModifiers"
  | "leadDays"
  | "maxWindowDays"
  | "minQuantity"
  | "maxQuantity"
  | "blackoutDays"
>;

/**
 * What a zone costs where its price differs by country, and the rules it is booked
 * under, as the media kit shows them: the prices are the ones a quote will use.
 */
export function ZoneTerms({ zone, currency }: { zone: Zone; currency: string }) {
  const priced = [...new Set(zone.countryModifiers.map((m) => m.country.toUpperCase()))].sort();
  const { byCountry } = priced.length
    ? effectiveRate({
        baseRate: zone.baseRate,
        model: zone.pricingModel,
        countryModifiers: zone.countryModifiers,
        countries: priced,
      })
    : { byCountry: {} as Record<string, number> };
  const unit = unitOf[zone.pricingModel];
  const rules = [
    zone.leadDays > 0 && `book at least ${zone.leadDays} days ahead`,
    zone.maxWindowDays !== null && `up to ${zone.maxWindowDays} days ahead`,
    zone.minQuantity !== null && `from ${formatCount(zone.minQuantity)} ${unit}`,
    zone.maxQuantity !== null && `up to ${formatCount(zone.maxQuantity)} ${unit}`,
    zone.blackoutDays.length > 0 && `not sold on ${zone.blackoutDays.length} set days`,
  ].filter(Boolean);
  return (
    <>
      {priced.length > 0 && (
        <p className="mt-1 text-xs text-slate-600">
          In {priced.map((country) => `${country}: ${formatMoney(byCountry[country], currency)}`).join(", ")}{" "}
          {ratePer[zone.pricingModel]}
        </p>
      )}
      {rules.length > 0 && <p className="mt-1 text-xs text-slate-600">Booking: {rules.join(" · ")}.</p>}
    </>
  );
}
