import type { adZones } from "@/db/schema";
import { addDays, dayRange } from "@/lib/core/days";
import { formatCount } from "@/lib/format/format-count";
import { unitOf } from "@/lib/format/units";

type RuledZone = Pick<
  typeof adZones.$inferSelect,
  | "name"
  | "pricingModel"
  | "minQuantity"
  | "maxQuantity"
  | "leadDays"
  | "maxWindowDays"
  | "blackoutDays"
  | "archivedAt"
>;

export type BookingDraft = { startDate: string; endDate: string; quantity?: number };

/**
 * What the zone's booking rules (set in the catalog) say about a line item, as
 * [field, message] pairs; empty when it may be booked. `today` is the publisher's day.
 */
export function zoneBookingProblems(zone: RuledZone, draft: BookingDraft, today: string): [string, string][] {
  const problems: [string, string][] = [];
  if (zone.archivedAt) return [["zoneId", `${zone.name} is archived and takes no new bookings.`]];
  const earliest = addDays(today, zone.leadDays);
  if (zone.leadDays > 0 && draft.startDate < earliest) {
    problems.push([
      "startDate",
      `${zone.name} is booked at least ${zone.leadDays} days ahead: start on ${earliest} or later.`,
    ]);
  }
  if (zone.maxWindowDays !== null && draft.endDate > addDays(today, zone.maxWindowDays)) {
    problems.push([
      "endDate",
      `${zone.name} is booked at most ${zone.maxWindowDays} days ahead: end on ${addDays(today, zone.maxWindowDays)} or earlier.`,
    ]);
  }
  if (zone.blackoutDays.length > 0 && draft.startDate <= draft.endDate) {
    const closed = new Set(zone.blackoutDays);
    const hit = dayRange(draft.startDate, draft.endDate).filter((d) => closed.has(d));
    if (hit.length > 0)
      problems.push([
        "startDate",
        `${zone.name} is not sold on ${hit.slice(0, 5).join(", ")}${hit.length > 5 ? " …" : ""}.`,
      ]);
  }
  const unit = unitOf[zone.pricingModel];
  const quantity =
    zone.pricingModel === "cpd" ? dayRange(draft.startDate, draft.endDate).length : draft.quantity;
  const field = zone.pricingModel === "cpd" ? "endDate" : "quantity";
  if (quantity !== undefined && zone.minQuantity !== null && quantity < zone.minQuantity) {
    problems.push([field, `${zone.name} is sold from ${formatCount(zone.minQuantity)} ${unit}.`]);
  }
  if (quantity !== undefined && zone.maxQuantity !== null && quantity > zone.maxQuantity) {
    problems.push([field, `${zone.name} is sold up to ${formatCount(zone.maxQuantity)} ${unit}.`]);
  }
  return problems;
}

/**
 * Why a single day cannot be booked on the zone whatever is left of it (a blackout day,
 * inside the lead time, beyond the booking window), in words for the calendar; null
 * when the zone's rules allow it. The same rules zoneBookingProblems applies at submit.
 */
export function dayClosedReason(
  zone: Pick<RuledZone, "leadDays" | "maxWindowDays" | "blackoutDays">,
  day: string,
  today: string,
): string | null {
  if (zone.blackoutDays.includes(day)) return "not sold this day";
  if (zone.leadDays > 0 && day < addDays(today, zone.leadDays)) {
    return `booked at least ${zone.leadDays} days ahead`;
  }
  if (zone.maxWindowDays !== null && day > addDays(today, zone.maxWindowDays))
    return "beyond the booking window";
  return null;
}
