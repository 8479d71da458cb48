import { invalidField } from "@/lib/core/errors";
import { toDayNumber } from "./calendar-day";
import { daysBetween } from "./days-between";

/**
 * The longest range we book or show at once. It bounds the rows one reservation plan
 * creates (days × countries) and the rows one availability read scans.
 */
export const MAX_RANGE_DAYS = 731;

/**
 * The days from `start` to `end` as a person typed them: each problem is an `Invalid`
 * naming its field (startDate/endDate for line items, from/to for calendars).
 */
export function dayRange(
  start: string,
  end: string,
  fields: { start: string; end: string } = { start: "startDate", end: "endDate" },
): string[] {
  const first = toDayNumber(start);
  if (first === null) throw invalidField(fields.start, "Enter the start date as YYYY-MM-DD.");
  const last = toDayNumber(end);
  if (last === null) throw invalidField(fields.end, "Enter the end date as YYYY-MM-DD.");
  if (last < first) throw invalidField(fields.end, "The end date must be on or after the start date.");
  if (last - first + 1 > MAX_RANGE_DAYS) {
    throw invalidField(fields.end, `Choose at most ${MAX_RANGE_DAYS} days.`);
  }
  return daysBetween(start, end);
}
