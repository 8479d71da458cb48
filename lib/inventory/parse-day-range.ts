import { dayCount, dayRange, isCalendarDay } from "@/lib/core/days";
import { invalidField } from "@/lib/core/errors";

/**
 * The longest range we book or show at once. It bounds the rows one reservation plan
 * creates (days × countries) and the rows one availability read scans.
 */
export const MAX_RANGE_DAYS = 731;

/**
 * The days from `start` to `end` as a person typed them: each problem is an `Invalid`
 * naming its field (startDate/endDate for line items, from/to for calendars).
 */
export function parseDayRange(
  start: string,
  end: string,
  fields: { start: string; end: string } = { start: "startDate", end: "endDate" },
): string[] {
  if (!isCalendarDay(start)) throw invalidField(fields.start, "Enter the start date as YYYY-MM-DD.");
  if (!isCalendarDay(end)) throw invalidField(fields.end, "Enter the end date as YYYY-MM-DD.");
  if (end < start) throw invalidField(fields.end, "The end date must be on or after the start date.");
  if (dayCount(start, end) > MAX_RANGE_DAYS) {
    throw invalidField(fields.end, `Choose at most ${MAX_RANGE_DAYS} days.`);
  }
  return dayRange(start, end);
}
