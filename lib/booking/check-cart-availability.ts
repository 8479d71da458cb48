import type { Queryable } from "@/db";
import { InsufficientInventory, type Shortfall } from "@/lib/core/errors";
import { formatCount } from "@/lib/format/format-count";
import { getAvailability } from "@/lib/inventory/get-availability";
import { planReservation } from "@/lib/inventory/plan-reservation";
import type { PricedLineItem } from "@/lib/orders/price-line-items";

type ZoneShortfall = Shortfall & { zone: string };

const listed = 5;

/** "Leaderboard 2030-01-10 US: 500 wanted, 300 left" for the first few, then "and 3 more". */
export function describeShortfalls(shortfalls: readonly ZoneShortfall[]): string {
  const shown = shortfalls
    .slice(0, listed)
    .map(
      (s) =>
        `${s.zone} ${s.day} ${s.country}: ${formatCount(s.requested)} wanted, ${formatCount(Math.max(0, s.available))} left`,
    );
  const more = shortfalls.length - shown.length;
  return more > 0 ? `${shown.join("; ")}; and ${more} more` : shown.join("; ");
}

/**
 * A dry run of the reservation the cart would make at approval: every line item's plan,
 * summed per zone, country and day (two items on the same days compete for the same
 * units), against capacity − reserved now. Nothing is reserved; approval reserves and
 * checks again under lock.
 */
export async function checkCartAvailability(db: Queryable, items: readonly PricedLineItem[]) {
  const wanted = new Map<number, { zone: string; cells: Map<string, number> }>();
  for (const li of items) {
    const rows = planReservation({
      zoneId: li.zone.id,
      model: li.zone.pricingModel,
      quantity: li.quantity,
      countries: li.countries,
      startDate: li.startDate,
      endDate: li.endDate,
    });
    const entry = wanted.get(li.zone.id) ?? { zone: li.zone.name, cells: new Map<string, number>() };
    for (const row of rows) {
      const key = `${row.day}|${row.country}`;
      entry.cells.set(key, (entry.cells.get(key) ?? 0) + row.units);
    }
    wanted.set(li.zone.id, entry);
  }

  const shortfalls: ZoneShortfall[] = [];
  for (const [zoneId, { zone, cells }] of wanted) {
    if (cells.size === 0) continue;
    const keys = [...cells.keys()];
    const days = keys.map((k) => k.slice(0, 10)).sort();
    const countries = [...new Set(keys.map((k) => k.slice(11)))];
    const { days: available } = await getAvailability(db, {
      zoneId,
      countries,
      from: days[0],
      to: days[days.length - 1],
    });
    const free = new Map(
      available.flatMap((d) => Object.entries(d.byCountry).map(([c, a]) => [`${d.day}|${c}`, a.available])),
    );
    for (const [key, requested] of [...cells].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const left = free.get(key) ?? 0;
      if (requested > left) {
        shortfalls.push({ zone, day: key.slice(0, 10), country: key.slice(11), requested, available: left });
      }
    }
  }
  if (shortfalls.length > 0) {
    throw new InsufficientInventory(
      shortfalls.map(({ zone: _zone, ...s }) => s),
      `Not enough inventory is left for what you picked, so nothing was submitted. ${describeShortfalls(shortfalls)}. Pick other days or countries, or a smaller quantity.`,
    );
  }
}
