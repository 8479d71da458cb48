/**
 * Calendar days are "YYYY-MM-DD" strings, as PostgreSQL `date` columns return them; they
 * sort and compare in calendar order. Arithmetic counts whole days since 1970-01-01 in
 * UTC, so neither the server's time zone nor daylight saving can shift or repeat a day.
 * Only calendarDayIn, startOfDayIn and endOfDayIn look at a time zone (at the bottom).
 */
export type CalendarDay = string;

const msPerDay = 86_400_000;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

const fromDayNumber = (n: number): CalendarDay => new Date(n * msPerDay).toISOString().slice(0, 10);

/** Days since 1970-01-01, or null when `value` is not a real calendar day. */
function dayNumberOf(value: unknown): number | null {
  if (typeof value !== "string" || !dayPattern.test(value)) return null;
  const [year, month, date] = value.split("-").map(Number);
  const n = Date.UTC(year, month - 1, date) / msPerDay;
  // Date.UTC rolls 2030-02-30 over into March and reads years below 100 as 19xx: only an exact round trip is a real day.
  return fromDayNumber(n) === value ? n : null;
}

function dayNumber(day: CalendarDay): number {
  const n = dayNumberOf(day);
  if (n === null) throw new RangeError(`Not a calendar day: ${day}`);
  return n;
}

/** A real calendar day written YYYY-MM-DD (2030-02-30 and 2030-1-01 are not). */
export function isCalendarDay(value: unknown): value is CalendarDay {
  return dayNumberOf(value) !== null;
}

/** `day` moved by a whole number of days (negative moves back). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(day) + days);
}

/** Days from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function dayDiff(from: CalendarDay, to: CalendarDay): number {
  return dayNumber(to) - dayNumber(from);
}

/** How many days `from`…`to` spans, both included; 0 when `to` is before `from`. */
export function dayCount(from: CalendarDay, to: CalendarDay): number {
  return Math.max(0, dayDiff(from, to) + 1);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function dayRange(from: CalendarDay, to: CalendarDay): CalendarDay[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const days: CalendarDay[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}

export const earlierDay = (a: CalendarDay, b: CalendarDay): CalendarDay => (a <= b ? a : b);
export const laterDay = (a: CalendarDay, b: CalendarDay): CalendarDay => (a >= b ? a : b);

/** The days of a month written YYYY-MM. */
export function monthDays(month: string): CalendarDay[] {
  return dayRange(`${month}-01`, addDays(`${addMonths(month, 1)}-01`, -1));
}

/** A month written YYYY-MM moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [year, m] = month.split("-").map(Number);
  if (!isCalendarDay(`${month}-01`) || !Number.isInteger(months)) {
    throw new RangeError(`Not a month: ${month} + ${months}`);
  }
  return new Date(Date.UTC(year, m - 1 + months, 1)).toISOString().slice(0, 7);
}

// Days in a time zone. Intl carries the IANA database; a formatter is slow to build, so
// one per zone is kept. Every zone is within a day of UTC, and changes its clocks on a
// whole second.

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockAt(at: number, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    wallClockFormats.set(timeZone, format);
  }
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(at)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

const pad = (n: number, digits: number) => String(n).padStart(digits, "0");

/** The calendar day an instant (a Date or ms since 1970) falls on in an IANA time zone. */
export function calendarDayIn(at: Date | number, timeZone: string): CalendarDay {
  const ms = typeof at === "number" ? at : at.getTime();
  if (timeZone === "UTC") return fromDayNumber(Math.floor(ms / msPerDay));
  const { year, month, day } = wallClockAt(ms, timeZone);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** How far the zone's clocks are ahead of UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClockAt(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The first instant of `day` in `timeZone`. Usually its midnight, but where clocks jump
 * forward at midnight (America/Santiago, Asia/Beirut…) the day starts at 01:00, and a day
 * a zone skipped (Pacific/Apia, 2011-12-30) starts and ends when the next day starts.
 */
export function startOfDayIn(day: CalendarDay, timeZone: string): Date {
  const midnight = dayNumber(day) * msPerDay; // the day's midnight on a UTC clock
  if (timeZone === "UTC") return new Date(midnight);
  const startsDay = (at: number) =>
    calendarDayIn(at, timeZone) >= day && calendarDayIn(at - 1, timeZone) < day;
  // Midnight less the zone's offset, with the offset read on either side of a change near
  // midnight; the check above proves the answer, and a search settles anything stranger.
  const early = midnight - offsetAt(midnight, timeZone);
  if (startsDay(early)) return new Date(early);
  const late = midnight - offsetAt(early, timeZone);
  if (startsDay(late)) return new Date(late);
  return new Date(firstSecondOf(day, timeZone, midnight));
}

/** Binary search, by whole seconds, for the first one whose day in `timeZone` is `day` or later. */
function firstSecondOf(day: CalendarDay, timeZone: string, midnight: number): number {
  let before = (midnight - msPerDay) / 1000;
  let from = (midnight + msPerDay) / 1000;
  while (from - before > 1) {
    const mid = Math.floor((before + from) / 2);
    if (calendarDayIn(mid * 1000, timeZone) >= day) from = mid;
    else before = mid;
  }
  return from * 1000;
}

/** The instant `day` ends in `timeZone` (excluded: it is the next day's first instant). */
export function endOfDayIn(day: CalendarDay, timeZone: string): Date {
  return startOfDayIn(addDays(day, 1), timeZone);
}

/**
 * A day moved by whole weeks or months (a recurring order's periods). Monthly keeps the
 * day of the month, clamped to the month's last day: Jan 31 + 1 month is Feb 28 (or 29).
 */
export function addPeriods(day: CalendarDay, interval: "weekly" | "monthly", periods: number): CalendarDay {
  if (interval === "weekly") return addDays(day, 7 * periods);
  const month = addMonths(day.slice(0, 7), periods);
  const lastDay = monthDays(month).length;
  return `${month}-${String(Math.min(Number(day.slice(8, 10)), lastDay)).padStart(2, "0")}`;
}
