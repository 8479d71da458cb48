import { z } from "zod";
import type { PublicCtx } from "@/lib/core/context";
import { calendarDayIn, dayDiff } from "@/lib/core/days";
import { Invalid } from "@/lib/core/errors";
import { calendarDay, id, optionalText } from "@/lib/core/validation";
import { getAvailability } from "@/lib/inventory/get-availability";
import { dayClosedReason } from "@/lib/pricing/zone-booking-rules";
import { getZoneForActorOrThrow } from "./get-zone-for-actor";

const day = calendarDay("Use a date like 2030-01-31.");

export const zoneAvailabilityInput = z.object({
  zoneId: id("Choose an ad zone."),
  from: day,
  to: day,
  countries: optionalText({ max: 1000 }).transform((v) => (v ? v.split(",").filter(Boolean) : [])),
});
export type zoneAvailabilityInput = z.input<typeof zoneAvailabilityInput>;

const maxDays = 93;

/** The booking calendar's data: available units per day and country, for up to three months. */
// `unknown`: the route hands over the query string as it came; this schema reads it.
export async function zoneAvailability(ctx: PublicCtx, input: unknown) {
  const data = zoneAvailabilityInput.parse(input);
  const { db, now } = ctx;
  const { zone, publisher } = await getZoneForActorOrThrow(db, ctx.actor, data.zoneId);
  if (data.from > data.to)
    throw new Invalid("The range ends before it starts.", { to: ["Must be after from."] });
  if (dayDiff(data.from, data.to) > maxDays) {
    throw new Invalid(`Ask for at most ${maxDays} days at a time.`, { to: [`At most ${maxDays} days.`] });
  }
  const sold = Object.keys(zone.countryShares).sort();
  const countries = data.countries.length ? data.countries : sold;
  const unknown = countries.filter((c) => !sold.includes(c));
  if (unknown.length) {
    throw new Invalid(`${zone.name} is not sold in ${unknown.join(", ")}.`, {
      countries: [`Unknown: ${unknown.join(", ")}`],
    });
  }
  const { days } = await getAvailability(db, { zoneId: zone.id, countries, from: data.from, to: data.to });
  const today = calendarDayIn(now, publisher.timezone);
  return {
    zone: { id: zone.id, name: zone.name, model: zone.pricingModel, countries: sold },
    today,
    // A day the zone's rules close (blackout, lead time, window) cannot be picked however much is left.
    days: days.map((d) => {
      const closed = dayClosedReason(zone, d.day, today);
      return {
        day: d.day,
        available: closed ? 0 : d.available,
        soldOut: closed ? true : d.soldOut,
        ...(closed ? { closed } : {}),
        byCountry: d.byCountry,
      };
    }),
  };
}
