import { isCalendarDay, startOfDayIn } from "@/lib/core/days";
import { type DateInput, toDate } from "./date-input";

export type FormatDateOptions = {
  /** Add hours and minutes ("Mar 5, 2025, 7:00 AM"). Ignored for "YYYY-MM-DD" days. */
  withTime?: boolean;
  /** Append the zone's short name ("EST") to times, for readers in another zone. */
  showTimeZone?: boolean;
  locale?: string;
};

export function dateTimeFormatOptions(
  timeZone: string,
  { withTime = false, showTimeZone = false }: FormatDateOptions,
): Intl.DateTimeFormatOptions {
  return {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    ...(withTime ? { hour: "numeric", minute: "2-digit" } : {}),
    ...(withTime && showTimeZone ? { timeZoneName: "short" } : {}),
  };
}

/**
 * An instant shown in the given IANA time zone: formatDate(d, "America/New_York") === "Mar 5, 2025".
 * A "YYYY-MM-DD" string is a calendar day and is shown as that day in every zone.
 */
export function formatDate(value: DateInput, timeZone: string, options: FormatDateOptions = {}): string {
  const locale = options.locale ?? "en-US";
  if (isCalendarDay(value)) {
    // A day is the same day in every zone: shown as its first instant on a UTC clock.
    return new Intl.DateTimeFormat(locale, dateTimeFormatOptions("UTC", {})).format(
      startOfDayIn(value, "UTC"),
    );
  }
  return new Intl.DateTimeFormat(locale, dateTimeFormatOptions(timeZone, options)).format(toDate(value));
}
