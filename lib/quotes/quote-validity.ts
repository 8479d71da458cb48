import { calendarDayIn } from "@/lib/core/days";
import { formatDate } from "@/lib/format/format-date";

/**
 * The last day a quote can be accepted, in the publisher's time zone. A quote valid until
 * a day expires at endOfDayIn(day), the first instant of the next day, so that is the
 * day of the instant before its expiry.
 */
export function quoteValidThrough(expiresAt: Date, timeZone: string): string {
  return calendarDayIn(expiresAt.getTime() - 1, timeZone);
}

export function isQuoteExpired(quote: { expiresAt: Date | null }, now: Date): boolean {
  return quote.expiresAt !== null && quote.expiresAt.getTime() <= now.getTime();
}

/** "This quote was valid until Jan 5, 2030 and has expired." */
export function expiredQuoteMessage(expiresAt: Date, timeZone: string): string {
  const day = formatDate(quoteValidThrough(expiresAt, timeZone), timeZone);
  return `This quote was valid until ${day} and has expired, so it can no longer be accepted. Ask the publisher for a new quote.`;
}
