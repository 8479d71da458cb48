import { calendarDayIn, type DateInput, dayAsUtcDate, isDateOnly, toDate } from "./date-input";
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
  if (isDateOnly(start) || isDateOnly(end)) {
    const format = new Intl.DateTimeFormat(locale, dateTimeFormatOptions("UTC", {}));
    return format.formatRange(
      dayAsUtcDate(calendarDayIn(start, timeZone)),
      dayAsUtcDate(calendarDayIn(end, timeZone)),
    );
  }
  return new Intl.DateTimeFormat(locale, dateTimeFormatOptions(timeZone, options)).formatRange(
    toDate(start),
    toDate(end),
  );
}
