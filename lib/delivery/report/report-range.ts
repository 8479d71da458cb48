import { addDays, dayCount, isCalendarDay } from "@/lib/core/days";
import { Invalid } from "@/lib/core/errors";
import { defaultReportDays, maxReportDays } from "./delivery-report-input";

/**
 * The range the report covers, both days included: `to` defaults to today and `from`
 * to 29 days before `to`. A reversed range or one longer than maxReportDays is refused.
 */
export function resolveReportRange(from: string | undefined, to: string | undefined, today: string) {
  const last = to ?? today;
  if (!isCalendarDay(last)) throw new Invalid("Please correct the dates.", { to: ["Use a real date."] });
  const first = from ?? addDays(last, -(defaultReportDays - 1));
  if (!isCalendarDay(first)) throw new Invalid("Please correct the dates.", { from: ["Use a real date."] });
  if (first > last) {
    throw new Invalid("From must be on or before To.", { from: ["From must be on or before To."] });
  }
  const days = dayCount(first, last);
  if (days > maxReportDays) {
    throw new Invalid(`A report covers at most ${maxReportDays} days; this range has ${days}.`, {
      from: [`Choose a range of at most ${maxReportDays} days.`],
    });
  }
  return { from: first, to: last, days };
}
