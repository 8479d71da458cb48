"use client";

import { cn } from "@/components/ui/cn";
import { addMonths, monthDays, startOfDayIn } from "@/lib/core/days";
import { formatCount } from "@/lib/format/format-count";
import { countOf, type Unit } from "@/lib/format/units";

export type DayAvailability = { day: string; available: number; soldOut: boolean };
export type DayRange = { start: string | null; end: string | null };

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const monthTitle = (month: string) =>
  startOfDayIn(`${month}-01`, "UTC").toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/**
 * A month of days with what is still available on each; past and sold-out days cannot
 * be picked. The first click picks the start, the second the end of the range.
 */
export function AvailabilityCalendar({
  month,
  onMonthChange,
  days,
  today,
  range,
  onRangeChange,
  unit,
  loading,
}: {
  month: string;
  onMonthChange: (month: string) => void;
  days: DayAvailability[];
  today: string;
  range: DayRange;
  onRangeChange: (range: DayRange) => void;
  /** What the zone sells, so a day reads "1,200 impressions available". */
  unit: Unit;
  loading: boolean;
}) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const all = monthDays(month);
  const firstWeekday = (startOfDayIn(all[0], "UTC").getUTCDay() + 6) % 7;
  const inRange = (day: string) =>
    range.start !== null && (range.end ? day >= range.start && day <= range.end : day === range.start);

  const pick = (day: string) => {
    if (!range.start || range.end || day < range.start) onRangeChange({ start: day, end: null });
    else onRangeChange({ start: range.start, end: day });
  };

  return (
    <div className="rounded-lg border border-line p-3" aria-busy={loading}>
      <div className="mb-2 flex items-center justify-between">
        <button
          type="button"
          className="rounded px-2 py-1 text-sm hover:bg-slate-100"
          onClick={() => onMonthChange(addMonths(month, -1))}
        >
          ← Previous month
        </button>
        <h3 className="text-sm font-semibold" aria-live="polite">
          {monthTitle(month)}
        </h3>
        <button
          type="button"
          className="rounded px-2 py-1 text-sm hover:bg-slate-100"
          onClick={() => onMonthChange(addMonths(month, 1))}
        >
          Next month →
        </button>
      </div>
      <fieldset
        className="grid min-w-0 grid-cols-7 gap-1 text-center text-xs"
        aria-label={`Availability in ${monthTitle(month)}`}
      >
        {weekdays.map((w) => (
          <div key={w} className="py-1 font-medium text-ink-muted" aria-hidden="true">
            {w}
          </div>
        ))}
        {Array.from({ length: firstWeekday }, (_, i) => (
          <div key={`pad-${i}`} aria-hidden="true" />
        ))}
        {all.map((day) => {
          const info = byDay.get(day);
          const past = day < today;
          // Until the month's availability arrives, a day is unknown, not sold out.
          const unknown = !info && loading;
          const soldOut = !unknown && (!info || info.soldOut);
          const disabled = past || soldOut || loading;
          const status = past
            ? "past"
            : unknown
              ? "checking availability"
              : soldOut || !info
                ? "sold out"
                : `${countOf(info.available, unit)} available`;
          return (
            <button
              key={day}
              type="button"
              disabled={disabled}
              aria-pressed={inRange(day)}
              aria-label={`${day}: ${status}`}
              onClick={() => pick(day)}
              className={cn(
                "flex min-h-12 flex-col items-center justify-center rounded border px-0.5 py-1",
                inRange(day)
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-line bg-surface hover:border-brand-400",
                disabled && "cursor-not-allowed opacity-50",
                soldOut && !past && "bg-red-50 line-through",
              )}
            >
              <span className="font-medium">{Number(day.slice(8))}</span>
              <span className="text-[10px] leading-tight">
                {past || unknown ? "" : soldOut || !info ? "Sold out" : formatCount(info.available)}
              </span>
            </button>
          );
        })}
      </fieldset>
    </div>
  );
}
