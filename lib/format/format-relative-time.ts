import { type DateInput, toDate } from "./date-input";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30.4375 * DAY;
const YEAR = 365.25 * DAY;

/**
 * Each unit is used while the rounded count stays below its limit, so 59.6 minutes reads
 * "1 hour ago" rather than "60 minutes ago".
 */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["minute", MINUTE, 60],
  ["hour", HOUR, 24],
  ["day", DAY, 7],
  ["week", WEEK, 5],
  ["month", MONTH, 12],
];

/**
 * "3 hours ago", "in 2 days", "now". Pass `now` when rendering on both server and client
 * so the two agree.
 */
export function formatRelativeTime(value: DateInput, now: DateInput = Date.now(), locale = "en-US"): string {
  const diff = toDate(value).getTime() - toDate(now).getTime();
  if (Math.abs(diff) < 45 * SECOND) {
    return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(0, "second");
  }
  // numeric "always": "1 day ago" is true for any 24 hours; "yesterday" would claim a calendar day.
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  for (const [unit, size, limit] of UNITS) {
    const count = Math.round(diff / size);
    if (Math.abs(count) < limit) return format.format(count, unit);
  }
  return format.format(Math.round(diff / YEAR), "year");
}
