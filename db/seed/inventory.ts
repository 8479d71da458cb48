import { addDays, type CalendarDay, dayRange } from "@/lib/core/days";
import type { ZoneSpec } from "./catalog";

export type ZoneRef = { publisher: number; property: number; zone: number; key: string; spec: ZoneSpec };

export type ReservationRow = { country: string; day: CalendarDay; units: number };

/** Daily capacity of one country on a zone: traffic for cpm/cpc, one sponsorship for cpd. */
export function dailyCapacity(zone: ZoneSpec, country: string): number {
  if (zone.pricingModel === "cpd") return 1;
  return Math.round((zone.monthlyImpressions * (zone.countryShares[country] ?? 0)) / 30);
}

/** Daily traffic of one country on a zone, whatever its pricing model. */
export const dailyTraffic = (zone: ZoneSpec, country: string): number =>
  Math.round((zone.monthlyImpressions * (zone.countryShares[country] ?? 0)) / 30);

/** Spreads units evenly over days × countries; the remainder goes on the first rows. */
export function spreadEvenly(total: number, days: CalendarDay[], countries: string[]): ReservationRow[] {
  const cells = days.flatMap((day) => countries.map((country) => ({ day, country })));
  const base = Math.floor(total / cells.length);
  const remainder = total % cells.length;
  return cells
    .map((cell, i) => ({ ...cell, units: base + (i < remainder ? 1 : 0) }))
    .filter((row) => row.units > 0);
}

/**
 * What the seed has booked so far. `reserved` is what is held now (approved, live and
 * paused orders) and becomes inventory_days.reserved; `used` also counts inventory that
 * finished orders consumed, so demo bookings never overlap implausibly.
 */
export class InventoryBook {
  readonly first: CalendarDay;
  readonly last: CalendarDay;
  private readonly reserved = new Map<string, number>();
  private readonly used = new Map<string, number>();

  constructor(today: CalendarDay, pastDays: number, futureDays: number) {
    this.first = addDays(today, -pastDays);
    this.last = addDays(today, futureDays - 1);
  }

  covers(start: CalendarDay, end: CalendarDay): boolean {
    return start >= this.first && end <= this.last;
  }

  /** Units still free on every cell of the range (the smallest cell wins). */
  freeEverywhere(zone: ZoneRef, countries: string[], days: CalendarDay[]): number {
    let free = Number.POSITIVE_INFINITY;
    for (const day of days) {
      for (const country of countries) {
        const left = dailyCapacity(zone.spec, country) - (this.used.get(cellKey(zone, country, day)) ?? 0);
        free = Math.min(free, left);
      }
    }
    return Math.max(0, free);
  }

  fits(zone: ZoneRef, rows: ReservationRow[]): boolean {
    return rows.every(
      (row) =>
        (this.used.get(cellKey(zone, row.country, row.day)) ?? 0) + row.units <=
        dailyCapacity(zone.spec, row.country),
    );
  }

  book(zone: ZoneRef, rows: ReservationRow[], holdNow: boolean): void {
    for (const row of rows) {
      const key = cellKey(zone, row.country, row.day);
      this.used.set(key, (this.used.get(key) ?? 0) + row.units);
      if (holdNow) this.reserved.set(key, (this.reserved.get(key) ?? 0) + row.units);
    }
  }

  /** inventory_days rows for one zone, with the reservations already counted in. */
  rowsFor(zone: ZoneRef): { country: string; day: CalendarDay; capacity: number; reserved: number }[] {
    const days = dayRange(this.first, this.last);
    return Object.keys(zone.spec.countryShares).flatMap((country) =>
      days.map((day) => ({
        country,
        day,
        capacity: dailyCapacity(zone.spec, country),
        reserved: this.reserved.get(cellKey(zone, country, day)) ?? 0,
      })),
    );
  }
}

const cellKey = (zone: ZoneRef, country: string, day: CalendarDay) => `${zone.key}|${country}|${day}`;
