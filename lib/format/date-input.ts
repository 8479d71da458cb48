export type DateInput = Date | string | number;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A "YYYY-MM-DD" string is a calendar day (a `date` column), not an instant. */
export function isDateOnly(value: DateInput): value is string {
  return typeof value === "string" && DATE_ONLY.test(value);
}

export function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  return date;
}

/** The calendar day an instant falls on in a time zone, as "YYYY-MM-DD". */
export function calendarDayIn(value: DateInput, timeZone: string): string {
  if (isDateOnly(value)) return value;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(toDate(value));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Midnight UTC of a calendar day; format it with timeZone "UTC" to get the same day back. */
export function dayAsUtcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
