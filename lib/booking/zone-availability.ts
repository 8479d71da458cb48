import { z } from "zod";
import type { Queryable } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { calendarDay, id, optionalText } from "@/lib/core/validation";
import { Invalid } from "@/lib/errors";
import { calendarDayIn } from "@/lib/format/date-input";
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
export async function zoneAvailability(
  db: Queryable,
  actor: Actor | null,
  input: zoneAvailabilityInput,
  now = new Date(),
) {
  const { zone, publisher } = await getZoneForActorOrThrow(db, actor, input.zoneId);
  if (input.from > input.to)
    throw new Invalid("The range ends before it starts.", { to: ["Must be after from."] });
  if ((Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 > maxDays) {
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
