/**
 * Calendar days are "YYYY-MM-DD" strings, as PostgreSQL `date` columns return them.
 * Arithmetic goes through whole days since 1970-01-01 in UTC, so neither the server's
 * time zone nor daylight saving can shift or repeat a day.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01, or null when the string is not a real calendar day. */
export function toDayNumber(day: string): number | null {
  if (typeof day !== "string" || !ISO_DAY.test(day)) return null;
  const [year, month, date] = day.split("-").map(Number);
  const n = Date.UTC(year, month - 1, date) / MS_PER_DAY;
  // Date.UTC rolls 2024-02-30 over into March and maps years below 100 to 19xx: only an exact round trip is a real day.
  return fromDayNumber(n) === day ? n : null;
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const n = toDayNumber(day);
  if (n === null) throw new RangeError(`Not a calendar day: ${day}`);
  return fromDayNumber(n + days);
}
