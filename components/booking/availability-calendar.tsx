"use client";

import { type CalendarDate, parseDate } from "@internationalized/date";
import { useContext, useRef } from "react";
import { useCalendarCell } from "react-aria";
import {
  Button,
  CalendarGrid,
  CalendarGridBody,
  CalendarGridHeader,
  CalendarHeaderCell,
  Heading,
  RangeCalendar,
  RangeCalendarStateContext,
  useLocale,
} from "react-aria-components";
import { cn } from "@/components/ui/cn";
import { formatCount } from "@/lib/format/format-count";
import { countOf, type Unit } from "@/lib/format/units";

export type DayAvailability = {
  day: string;
  available: number;
  soldOut: boolean;
  /** Why the zone's rules close the day (a blackout day, the lead time), if they do. */
  closed?: string;
};
export type DayRange = { start: string | null; end: string | null };

/** What a screen reader hears after the date: "12,000 impressions available", "sold out". */
export function dayStatus(info: DayAvailability | undefined, unit: Unit, past: boolean, loading: boolean) {
  if (past) return "past";
  // Until the month's availability arrives, a day is unknown, not sold out.
  if (!info && loading) return "checking availability";
  if (info?.closed) return info.closed;
  if (!info || info.soldOut) return "sold out";
  return `${countOf(info.available, unit)} available`;
}

const navButton =
  "rounded px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600";

/**
 * A month of days with what is still available on each (React Aria's RangeCalendar:
 * one Tab stop, arrow keys move between days, Enter picks; the first day of the week
 * follows the reader's locale). Past and sold-out days cannot start or end a range; a
 * range across sold-out days can be drawn, and the builder says why it is refused.
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
  /** The month shown, YYYY-MM; availability is loaded for it. */
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
  const { locale } = useLocale();
  const byDay = new Map(days.map((d) => [d.day, d]));
  const longDate = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  const value =
    range.start && range.end ? { start: parseDate(range.start), end: parseDate(range.end) } : null;
  // The calendar owns which day has focus (arrow keys move it); it tells us when the month changes.
  const firstFocused = parseDate(today.startsWith(month) ? today : `${month}-01`);

  return (
    <RangeCalendar
      aria-label="Dates"
      className="rounded-lg border border-line p-3"
      aria-busy={loading || undefined}
      value={value}
      onChange={(picked) =>
        picked && onRangeChange({ start: picked.start.toString(), end: picked.end.toString() })
      }
      defaultFocusedValue={firstFocused}
      onFocusChange={(date) => {
        const next = date.toString().slice(0, 7);
        if (next !== month) onMonthChange(next);
      }}
      minValue={parseDate(today)}
      isDateUnavailable={(date) => {
        const info = byDay.get(date.toString());
        return !loading && (!info || info.soldOut);
      }}
      allowsNonContiguousRanges
    >
      <header className="mb-2 flex items-center justify-between">
        <Button slot="previous" aria-label="Previous month" className={navButton}>
          ← Previous month
        </Button>
        <Heading className="text-sm font-semibold" />
        <Button slot="next" aria-label="Next month" className={navButton}>
          Next month →
        </Button>
      </header>
      <CalendarGrid
        weekdayStyle="short"
        className="w-full table-fixed border-separate border-spacing-1 text-center text-xs"
      >
        <CalendarGridHeader>
          {(weekday) => (
            <CalendarHeaderCell className="py-1 font-medium text-ink-muted">{weekday}</CalendarHeaderCell>
          )}
        </CalendarGridHeader>
        <CalendarGridBody>
          {(date: CalendarDate) => {
            const day = date.toString();
            const info = byDay.get(day);
            const past = day < today;
            return (
              <DayCell
                date={date}
                label={`${longDate.format(date.toDate("UTC"))}, ${dayStatus(info, unit, past, loading)}`}
                note={
                  past || (!info && loading)
                    ? ""
                    : info?.closed
                      ? "Closed"
                      : !info || info.soldOut
                        ? "Sold out"
                        : formatCount(info.available)
                }
                loading={loading}
              />
            );
          }}
        </CalendarGridBody>
      </CalendarGrid>
    </RangeCalendar>
  );
}

/**
 * One day: React Aria's cell behaviour (roving focus, range picking, unavailable days)
 * with an accessible name that says what is left, which React Aria's own cell, naming
 * only the date, cannot.
 */
function DayCell({
  date,
  label,
  note,
  loading,
}: {
  date: CalendarDate;
  label: string;
  note: string;
  loading: boolean;
}) {
  const state = useContext(RangeCalendarStateContext);
  const ref = useRef<HTMLDivElement>(null);
  if (!state) throw new Error("DayCell is only used inside a RangeCalendar.");
  const isOutsideMonth = date.month !== state.visibleRange.start.month;
  const cell = useCalendarCell({ date, isOutsideMonth }, state, ref);
  const { isSelected, isUnavailable, isDisabled, isFocused } = cell;
  const edge =
    state.highlightedRange &&
    (date.compare(state.highlightedRange.start) === 0 || date.compare(state.highlightedRange.end) === 0);
  // React Aria's role="button", tabIndex and handlers, with our name in place of its own.
  const buttonProps = { ...cell.buttonProps, "aria-label": isOutsideMonth ? undefined : label };
  return (
    <td {...cell.cellProps}>
      <div
        {...buttonProps}
        ref={ref}
        hidden={isOutsideMonth}
        className={cn(
          "flex min-h-12 cursor-pointer flex-col items-center justify-center rounded border px-0.5 py-1 outline-none",
          isSelected
            ? "border-brand-600 bg-brand-600 text-white"
            : "border-line bg-surface hover:border-brand-400",
          edge && "font-bold",
          // Past days are disabled (and skipped by contrast checks); a day still loading stays readable.
          isDisabled && "cursor-not-allowed opacity-50",
          loading && !isDisabled && !isSelected && "cursor-progress text-ink-muted",
          isUnavailable && !isDisabled && (isSelected ? "bg-red-700 line-through" : "bg-red-50 line-through"),
          isFocused && state.isFocused && "ring-2 ring-brand-600 ring-offset-1",
        )}
      >
        <span className="font-medium">{cell.formattedDate}</span>
        <span className="text-[10px] leading-tight">{note}</span>
      </div>
    </td>
  );
}
