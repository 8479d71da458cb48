import { formatCount } from "@/lib/format";
import { countOf, unitName } from "@/lib/format/units";

type Bar = { key: string; label: string; impressions: number; clicks: number };

/**
 * Impressions per group as horizontal bars, biggest first. It is a plain list: each
 * entry reads as its name and figures, and the bar beside it is decoration.
 */
export function ReportBarChart({ rows, noun, limit = 10 }: { rows: Bar[]; noun: string; limit?: number }) {
  const top = [...rows]
    .filter((r) => r.impressions > 0)
    .sort((a, b) => b.impressions - a.impressions || a.label.localeCompare(b.label))
    .slice(0, limit);
  if (top.length === 0) {
    return <p className="text-sm text-ink-muted">No impressions in these dates.</p>;
  }
  const max = Math.max(1, ...top.map((r) => r.impressions));
  const counted = rows.filter((r) => r.impressions > 0).length;
  return (
    <figure className="space-y-3">
      <ol className="space-y-2">
        {top.map((r) => (
          <li key={r.key} className="grid grid-cols-[minmax(0,12rem)_1fr_auto] items-center gap-3 text-sm">
            <span className="truncate text-ink" title={r.label}>
              {r.label}
            </span>
            <span aria-hidden="true" className="h-3 overflow-hidden rounded-sm bg-slate-100">
              <span
                className="block h-full rounded-sm bg-brand-600"
                style={{ width: `${Math.max(0.5, (r.impressions / max) * 100)}%` }}
              />
            </span>
            <span className="text-right tabular-nums text-ink-muted">
              {formatCount(r.impressions)}
              <span className="sr-only">{` ${unitName(r.impressions, "impressions")}, ${countOf(r.clicks, "clicks")}`}</span>
            </span>
          </li>
        ))}
      </ol>
      <figcaption className="text-xs text-ink-muted">
        {counted > top.length
          ? `Impressions by ${noun}: the top ${top.length} of ${formatCount(counted)}; the table below lists every one.`
          : `Impressions by ${noun}.`}
      </figcaption>
    </figure>
  );
}
