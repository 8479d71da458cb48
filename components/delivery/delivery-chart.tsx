import { useId } from "react";
import { formatCount, formatDate } from "@/lib/format";
import { countOf } from "@/lib/format/units";

type Day = { day: string; impressions: number; clicks: number };

const width = 640;
const height = 180;
const top = 12;
const bottom = 24;

/**
 * Daily impressions as bars, in plain SVG. Each bar carries its numbers as a tooltip and
 * the chart is described as a whole; the daily table beside it holds every value.
 */
export function DeliveryChart({ days, timeZone }: { days: Day[]; timeZone: string }) {
  const titleId = useId();
  const descId = useId();
  if (days.length === 0) {
    return (
      <p className="text-sm text-ink-muted">
        No delivery recorded yet. Daily figures appear here once the campaign serves.
      </p>
    );
  }
  const max = Math.max(1, ...days.map((d) => d.impressions));
  const slot = width / days.length;
  const barWidth = Math.max(1, slot * 0.7);
  const plot = height - top - bottom;
  const total = days.reduce((sum, d) => sum + d.impressions, 0);
  const peak = days.reduce((best, d) => (d.impressions > best.impressions ? d : best), days[0]);
  const first = formatDate(days[0].day, timeZone);
  const last = formatDate(days[days.length - 1].day, timeZone);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>Impressions per day</title>
        <desc id={descId}>
          {`${countOf(total, "impressions")} over ${countOf(days.length, "days")} from ${first} to ${last}; the busiest day was ${formatDate(peak.day, timeZone)} with ${formatCount(peak.impressions)}.`}
        </desc>
        <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} className="stroke-slate-300" />
        {days.map((d, i) => {
          const barHeight = (d.impressions / max) * plot;
          return (
            <rect
              key={d.day}
              x={i * slot + (slot - barWidth) / 2}
              y={height - bottom - barHeight}
              width={barWidth}
              height={barHeight}
              rx={1}
              className="fill-brand-600"
            >
              <title>{`${d.day}: ${countOf(d.impressions, "impressions")}, ${countOf(d.clicks, "clicks")}`}</title>
            </rect>
          );
        })}
        <text x={0} y={height - 6} className="fill-slate-500 text-[11px]">
          {first}
        </text>
        <text x={width} y={height - 6} textAnchor="end" className="fill-slate-500 text-[11px]">
          {last}
        </text>
        <text x={0} y={top - 2} className="fill-slate-500 text-[11px]">
          {formatCount(max)}
        </text>
      </svg>
      <figcaption className="text-xs text-ink-muted">
        Impressions per day; hover a bar for its figures.
      </figcaption>
    </figure>
  );
}
