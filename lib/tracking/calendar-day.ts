import { type CalendarDay, calendarDayIn } from "@/lib/core/days";

type CachedDay = { day: CalendarDay; from: number; until: number };

const cachedDays = new Map<string, CachedDay>();
const minute = 60_000;

/** A time zone the runtime does not know counts in UTC rather than dropping the hit. */
function dayOrUtc(timeZone: string, at: number): CalendarDay {
  try {
    return calendarDayIn(at, timeZone);
  } catch (error) {
    if (error instanceof RangeError) return calendarDayIn(at, "UTC");
    throw error;
  }
}

/**
 * The calendar day in `timeZone` at `at` (ms since epoch), for the pixel hot path. Every
 * time zone changes date on a whole minute, so the answer is kept for the rest of that
 * minute: the hot path asks lib/core/days once a minute per time zone, not once per hit.
 */
export function calendarDay(timeZone: string, at: number): CalendarDay {
  const cached = cachedDays.get(timeZone);
  if (cached && at >= cached.from && at < cached.until) return cached.day;
  const from = Math.floor(at / minute) * minute;
  const day = dayOrUtc(timeZone, at);
  cachedDays.set(timeZone, { day, from, until: from + minute });
  return day;
}
