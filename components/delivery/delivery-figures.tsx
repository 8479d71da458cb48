import { StatusBadge } from "@/components/ui/status-badge";
import { type PacingStatus, pacingLabels } from "@/lib/delivery/report/pacing";
import type { ReportUnits } from "@/lib/delivery/report/report-row";
import { countOf, deliveredOf, units } from "@/lib/format/units";

/** How each pacing status is coloured, in the status badge's families. */
const pacingFamily: Record<PacingStatus, "waiting" | "active" | "paused" | "done" | "stopped"> = {
  not_started: "waiting",
  behind: "stopped",
  on_track: "active",
  ahead: "paused",
  delivered: "done",
};

/** A share in percent: one decimal below 10% ("4.5%"), whole above ("87%"); "—" when there is none. */
export const formatPercent = (value: number | null) =>
  value === null ? "—" : `${value.toFixed(value < 10 ? 1 : 0)}%`;

/** Click-through rate with two decimals ("0.42%"); "—" without impressions. */
export const formatCtr = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)}%`);

/** "Behind · 78%" as a coloured badge, or a dash for line items that are not paced (canceled). */
export function PacingBadge({
  pacing,
  pacingPercent,
}: {
  pacing: PacingStatus | null;
  pacingPercent: number | null;
}) {
  if (!pacing) return <span className="text-ink-muted">—</span>;
  return (
    <StatusBadge
      status={pacing}
      family={pacingFamily[pacing]}
      label={`${pacingLabels[pacing]}${pacingPercent === null ? "" : ` · ${formatPercent(pacingPercent)}`}`}
    />
  );
}

/** Booked units of mixed models: "10,000 impressions · 1 click"; "0" when none; "—" for nothing booked. */
export function unitsText(booked: ReportUnits | null): string {
  if (!booked) return "—";
  const parts = units.filter((u) => booked[u] > 0).map((u) => countOf(booked[u], u));
  return parts.length ? parts.join(" · ") : "0";
}

/** "4,200 of 10,000 impressions (42%)" when one unit is booked; mixed units only have a share. */
export function deliveredText(row: {
  booked: ReportUnits | null;
  delivered: ReportUnits | null;
  deliveredPercent: number | null;
}): string {
  const { booked, delivered } = row;
  if (!booked || !delivered) return "—";
  const kinds = units.filter((u) => booked[u] > 0);
  if (kinds.length === 1) {
    const [u] = kinds;
    return `${deliveredOf(delivered[u], booked[u], u)} (${formatPercent(row.deliveredPercent)})`;
  }
  return `${formatPercent(row.deliveredPercent)} of booked value`;
}
