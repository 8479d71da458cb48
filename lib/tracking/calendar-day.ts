type CachedDay = { day: string; validUntil: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
const cachedDays = new Map<string, CachedDay>();
const minute = 60_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      // A time zone the runtime does not know: count in UTC rather than drop the hit.
      f = formatter("UTC");
    }
    formatters.set(timeZone, f);
  }
  return f;
}

function format(timeZone: string, at: number): string {
  const parts = formatter(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * The calendar day (YYYY-MM-DD) in `timeZone` at `at` (ms since epoch). Every time zone
 * changes date on a whole minute, so the answer is kept until the next minute starts:
 * the hot path formats a date once a minute per time zone, not once per hit.
 */
export function calendarDay(timeZone: string, at: number): string {
  const cached = cachedDays.get(timeZone);
  if (cached && at < cached.validUntil && at >= cached.validUntil - minute) return cached.day;
  const day = format(timeZone, at);
  cachedDays.set(timeZone, { day, validUntil: Math.floor(at / minute) * minute + minute });
  return day;
}
