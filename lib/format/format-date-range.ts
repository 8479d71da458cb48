import { calendarDayIn, isCalendarDay, startOfDayIn } from "@/lib/core/days";
import { type DateInput, toDate } from "./date-input";
import { dateTimeFormatOptions, type FormatDateOptions } from "./format-date";

/**
 * A range with shared parts collapsed: "Mar 5 – 12, 2025", "Dec 5, 2024 – Jan 12, 2025".
 * If either end is a "YYYY-MM-DD" day, both ends are shown as calendar days.
 */
export function formatDateRange(
  start: DateInput,
  end: DateInput,
  timeZone: string,
  options: FormatDateOptions = {},
): string {
  const locale = options.locale ?? "en-US";
  if (isCalendarDay(start) || isCalendarDay(end)) {
    const asDay = (value: DateInput) =>
      startOfDayIn(isCalendarDay(value) ? value : calendarDayIn(toDate(value), timeZone), "UTC");
    const format = new Intl.DateTimeFormat(locale, dateTimeFormatOptions("UTC", {}));
    return format.formatRange(asDay(start), asDay(end));
  }
  return new Intl.DateTimeFormat(locale, dateTimeFormatOptions(timeZone, options)).formatRange(
    toDate(start),
    toDate(end),
  );
}
