import { calendarDayIn } from "@/lib/format/date-input";
import { formatDate } from "@/lib/format/format-date";

const msPerDay = 86_400_000;

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a quote "valid until `day`" expires: the midnight that ends that day in the
 * publisher's time zone. The offset is taken twice so a daylight saving change that day
 * lands on the right hour.
 */
export function endOfDayIn(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`) + msPerDay;
  const first = midnightUtc - offsetMs(new Date(midnightUtc), timeZone);
  return new Date(midnightUtc - offsetMs(new Date(first), timeZone));
}

/** The last day a quote can be accepted, in the publisher's time zone. */
export function quoteValidThrough(expiresAt: Date, timeZone: string): string {
  return calendarDayIn(new Date(expiresAt.getTime() - 1), timeZone);
}

export function isQuoteExpired(quote: { expiresAt: Date | null }, now: Date): boolean {
  return quote.expiresAt !== null && quote.expiresAt.getTime() <= now.getTime();
}

/** "This quote was valid until Jan 5, 2030 and has expired." */
export function expiredQuoteMessage(expiresAt: Date, timeZone: string): string {
  const day = formatDate(quoteValidThrough(expiresAt, timeZone), timeZone);
  return `This quote was valid until ${day} and has expired, so it can no longer be accepted. Ask the publisher for a new quote.`;
}
