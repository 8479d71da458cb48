import { z } from "zod";
import type { PublicCtx } from "@/lib/core/context";
import { calendarDayIn, dayDiff } from "@/lib/core/days";
import { Invalid } from "@/lib/core/errors";
import { calendarDay, id, optionalText } from "@/lib/core/validation";
import { getAvailability } from "@/lib/inventory/get-availability";
import { getZoneForActorOrThrow } from "./get-zone-for-actor";

const day = calendarDay("Use a date like 2030-01-31.");

export const zoneAvailabilityInput = z.object({
  zoneId: id("Choose an ad zone."),
  from: day,
  to: day,
  countries: optionalText({ max: 1000 }).transform((v) => (v ? v.split(",").filter(Boolean) : [])),
});
export type zoneAvailabilityInput = z.infer<typeof zoneAvailabilityInput>;

const maxDays = 93;

/** The booking calendar's data: available units per day and country, for up to three months. */
export async function zoneAvailability(ctx: PublicCtx, raw: unknown) {
  const input = zoneAvailabilityInput.parse(raw);
  const { db, now } = ctx;
  const { zone, publisher } = await getZoneForActorOrThrow(db, ctx.actor, input.zoneId);
  if (input.from > input.to)
    throw new Invalid("The range ends before it starts.", { to: ["Must be after from."] });
  if (dayDiff(input.from, input.to) > maxDays) {
    throw new Invalid(`Ask for at most ${maxDays} days at a time.`, { to: [`At most ${maxDays} days.`] });
  }
  const sold = Object.keys(zone.countryShares).sort();
  const countries = input.countries.length ? input.countries : sold;
  const unknown = countries.filter((c) => !sold.includes(c));
  if (unknown.length) {
    throw new Invalid(`${zone.name} is not sold in ${unknown.join(", ")}.`, {
      countries: [`Unknown: ${unknown.join(", ")}`],
    });
  }
  const { days } = await getAvailability(db, { zoneId: zone.id, countries, from: input.from, to: input.to });
  return {
    zone: { id: zone.id, name: zone.name, model: zone.pricingModel, countries: sold },
    today: calendarDayIn(now, publisher.timezone),
    days: days.map((d) => ({
      day: d.day,
      available: d.available,
      soldOut: d.soldOut,
      byCountry: d.byCountry,
    })),
  };
}
