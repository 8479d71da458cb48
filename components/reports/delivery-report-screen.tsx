import Link from "next/link";
import type { ReactNode } from "react";
import { DeliveryChart } from "@/components/booking/delivery-chart";
import { CsvExportLink } from "@/components/data-table/csv-export-link";
import { FilterBar } from "@/components/data-table/filter-bar";
import { Pagination } from "@/components/data-table/pagination";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { type PacingStatus, pacingLabels } from "@/lib/booking/pacing";
import { hrefWith, type SearchParams } from "@/lib/core/search-params";
import { formatCount, formatDate, formatDateRange } from "@/lib/format";
import type {
  DeliveryReport,
  DeliveryReportRow,
  DeliveryReportTotals,
  ReportUnits,
} from "@/lib/reports/delivery-report";
import {
  type ReportGrouping,
  type ReportSort,
  reportGroupingLabels,
  sortsFor,
} from "@/lib/reports/delivery-report-input";
import { ReportBarChart } from "./report-bar-chart";

const pacingFamily: Record<PacingStatus, "waiting" | "active" | "paused" | "done" | "stopped"> = {
  not_started: "waiting",
  behind: "stopped",
  on_track: "active",
  ahead: "paused",
  delivered: "done",
};

const nouns: Record<ReportGrouping, string> = {
  day: "day",
  line_item: "line item",
  zone: "zone",
  property: "property",
  advertiser: "advertiser",
};

const nameHeaders: Record<ReportGrouping, string> = {
  day: "Day",
  line_item: "Line item",
  zone: "Zone",
  property: "Property",
  advertiser: "Advertiser",
};

const percent = (value: number | null) => (value === null ? "—" : `${value.toFixed(value < 10 ? 1 : 0)}%`);
const ctr = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)}%`);

function unitsText(units: ReportUnits | null): string {
  if (!units) return "—";
  const parts = [
    units.impressions > 0 && `${formatCount(units.impressions)} impressions`,
    units.clicks > 0 && `${formatCount(units.clicks)} clicks`,
    units.days > 0 && `${formatCount(units.days)} ${units.days === 1 ? "day" : "days"}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "0";
}

/** "4,200 of 10,000 impressions" when one unit is booked; mixed units only have a share. */
function deliveredText(row: Pick<DeliveryReportRow, "booked" | "delivered" | "deliveredPercent">): string {
  const { booked, delivered } = row;
  if (!booked || !delivered) return "—";
  const kinds = (["impressions", "clicks", "days"] as const).filter((k) => booked[k] > 0);
  if (kinds.length === 1) {
    const [k] = kinds;
    return `${formatCount(delivered[k])} of ${formatCount(booked[k])} ${k} (${percent(row.deliveredPercent)})`;
  }
  return `${percent(row.deliveredPercent)} of booked value`;
}

function PacingBadge({ row }: { row: Pick<DeliveryReportRow, "pacing" | "pacingPercent"> }) {
  if (!row.pacing) return <span className="text-ink-muted">—</span>;
  return (
    <StatusBadge
      status={row.pacing}
      family={pacingFamily[row.pacing]}
      label={`${pacingLabels[row.pacing]}${row.pacingPercent === null ? "" : ` · ${percent(row.pacingPercent)}`}`}
    />
  );
}

function DeliveredBar({ row, name }: { row: DeliveryReportRow | DeliveryReportTotals; name: string }) {
  if (row.deliveredPercent === null) return <span className="text-ink-muted">—</span>;
  return (
    <ProgressBar
      label={<span className="sr-only">Delivered, {name}</span>}
      value={Math.min(100, row.deliveredPercent)}
      valueText={deliveredText(row)}
      tone={row.deliveredPercent >= 100 ? "green" : "brand"}
    />
  );
}

type Column = { id: ReportSort; header: string; align: "left" | "right"; firstDir: "asc" | "desc" };

function columnsFor(group: ReportGrouping): Column[] {
  const all: Column[] = [
    { id: "label", header: nameHeaders[group], align: "left", firstDir: "asc" },
    { id: "impressions", header: "Impressions", align: "right", firstDir: "desc" },
    { id: "clicks", header: "Clicks", align: "right", firstDir: "desc" },
    { id: "ctr", header: "CTR", align: "right", firstDir: "desc" },
    { id: "conversions", header: "Conversions", align: "right", firstDir: "desc" },
    { id: "booked", header: "Booked", align: "right", firstDir: "desc" },
    { id: "delivered", header: "Delivered vs booked", align: "left", firstDir: "desc" },
    { id: "pacing", header: "Pacing", align: "left", firstDir: "desc" },
  ];
  const allowed = sortsFor(group);
  return all.filter((c) => allowed.includes(c.id));
}

function SortHeader({
  column,
  sort,
  searchParams,
}: {
  column: Column;
  sort: DeliveryReport["sort"];
  searchParams: SearchParams;
}) {
  const sorted = sort.id === column.id ? sort.dir : false;
  const nextDir = sorted === "asc" ? "desc" : sorted === "desc" ? "asc" : column.firstDir;
  return (
    <th
      scope="col"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
      className={cn(
        "px-4 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase",
        column.align === "right" ? "text-right" : "text-left",
      )}
    >
      <Link
        href={hrefWith(searchParams, { sort: column.id, dir: nextDir, page: null })}
        className={cn(
          "inline-flex items-center gap-1 rounded hover:text-ink",
          column.align === "right" && "flex-row-reverse",
        )}
      >
        {column.header}
        <span aria-hidden="true" className={cn("text-xs", sorted ? "text-brand-700" : "text-slate-400")}>
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        </span>
      </Link>
    </th>
  );
}

export type DeliveryReportScreenProps = {
  /** The report, or why these options were refused (a reversed or too long range). */
  result: { report: DeliveryReport } | { error: string };
  groupings: readonly ReportGrouping[];
  group: ReportGrouping;
  searchParams: SearchParams;
  exportPath: string;
  page: number;
  pageSize: number;
  /** Where a line item row links to (its order), if anywhere. */
  lineItemHref: (row: DeliveryReportRow) => string | null;
  /** Advertisers see their own company on every line item; staff see whose it is. */
  showAdvertiser: boolean;
  /** What the empty state offers to do next. */
  emptyAction: ReactNode;
  emptyHint: string;
};

/**
 * The delivery report page body, shared by the desk and the advertiser portal: grouping
 * tabs, the date range, headline figures, a chart, and the sortable table with totals
 * and CSV export. Every option lives in the URL.
 */
export function DeliveryReportScreen(props: DeliveryReportScreenProps) {
  const { result, groupings, group, searchParams } = props;
  return (
    <div className="space-y-6">
      <div>
        <LinkTabs
          label="Group the report"
          param="group"
          searchParams={searchParams}
          current={group}
          tabs={groupings.map((g) => ({
            label: reportGroupingLabels[g],
            value: g,
            href: hrefWith(searchParams, {
              group: g === "day" ? null : g,
              page: null,
              sort: null,
              dir: null,
            }),
          }))}
        />
        <FilterBar
          filters={[
            { type: "date", param: "from", label: "From" },
            { type: "date", param: "to", label: "To" },
          ]}
        />
      </div>
      {"error" in result ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {result.error}{" "}
          <Link
            href={hrefWith(searchParams, { from: null, to: null, page: null })}
            className="font-medium underline"
          >
            Show the last 30 days
          </Link>
        </div>
      ) : (
        <ReportBody {...props} report={result.report} />
      )}
    </div>
  );
}

function ReportBody({
  report,
  searchParams,
  exportPath,
  page,
  pageSize,
  lineItemHref,
  showAdvertiser,
  emptyAction,
  emptyHint,
}: DeliveryReportScreenProps & { report: DeliveryReport }) {
  const { group, rows, totals, timeZone } = report;
  const columns = columnsFor(group);
  const withBooked = group !== "day";
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * pageSize, current * pageSize);
  const range = formatDateRange(report.from, report.to, timeZone);
  const asOf = formatDate(report.asOf, timeZone);
  const chartDays = [...rows].sort((a, b) => a.key.localeCompare(b.key));

  const nameCell = (row: DeliveryReportRow) => {
    if (group === "day") return formatDate(row.key, timeZone);
    const href = group === "line_item" ? lineItemHref(row) : null;
    const detail =
      group === "line_item"
        ? [row.order, showAdvertiser ? row.advertiser : null].filter(Boolean).join(" · ")
        : group === "zone"
          ? row.property
          : null;
    return (
      <>
        {href ? (
          <Link href={href} className="text-brand-700 hover:underline">
            {row.label}
          </Link>
        ) : (
          row.label
        )}
        {detail && <span className="block text-xs font-normal text-ink-muted">{detail}</span>}
      </>
    );
  };

  return (
    <>
      <p className="text-sm text-ink-muted">
        {`${range} (${formatCount(report.days)} ${report.days === 1 ? "day" : "days"}, ${timeZone}). `}
        {`Delivered vs booked and pacing cover the booked line items running in these dates, as of ${asOf}, against an even spread over each line item's dates.`}
      </p>
      <StatGrid>
        <StatCard label="Impressions" value={formatCount(totals.impressions)} hint={range} />
        <StatCard label="Clicks" value={formatCount(totals.clicks)} hint={`CTR ${ctr(totals.ctr)}`} />
        <StatCard label="Conversions" value={formatCount(totals.conversions)} />
        <StatCard
          label="Pacing"
          value={totals.pacing ? pacingLabels[totals.pacing] : "—"}
          hint={
            totals.lineItems > 0
              ? `${percent(totals.deliveredPercent)} delivered, ${percent(totals.expectedPercent)} expected by ${asOf}, over ${formatCount(totals.lineItems)} booked line ${totals.lineItems === 1 ? "item" : "items"}`
              : "No booked line items in these dates."
          }
        />
      </StatGrid>
      {rows.length > 0 && (
        <Card title={group === "day" ? "Impressions per day" : `Impressions by ${nouns[group]}`}>
          {group === "day" ? (
            <DeliveryChart days={chartDays.map((r) => ({ day: r.key, ...r }))} timeZone={timeZone} />
          ) : (
            <ReportBarChart rows={rows} noun={nouns[group]} />
          )}
        </Card>
      )}
      <Card
        title={`Delivery ${reportGroupingLabels[group].toLowerCase()}`}
        padded={false}
        actions={<CsvExportLink path={exportPath} searchParams={searchParams} label="Export CSV" />}
      >
        {rows.length === 0 ? (
          <EmptyState
            title={`No delivery from ${formatDate(report.from, timeZone)} to ${formatDate(report.to, timeZone)}`}
            description={emptyHint}
            action={emptyAction}
          />
        ) : (
          <>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it */}
            <section aria-label="Delivery report table" tabIndex={0} className="overflow-x-auto">
              <table className="min-w-full divide-y divide-line text-sm">
                <caption className="sr-only">
                  {`Delivery ${reportGroupingLabels[group].toLowerCase()}, ${range}`}
                </caption>
                <thead className="bg-slate-50">
                  <tr>
                    {columns.map((c) => (
                      <SortHeader key={c.id} column={c} sort={report.sort} searchParams={searchParams} />
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-line bg-surface">
                  {shown.map((row) => (
                    <tr key={row.key} className="align-top hover:bg-slate-50">
                      <th scope="row" className="px-4 py-3 text-left font-medium whitespace-nowrap text-ink">
                        {nameCell(row)}
                      </th>
                      <td className="px-4 py-3 text-right tabular-nums">{formatCount(row.impressions)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">{formatCount(row.clicks)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">{ctr(row.ctr)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">{formatCount(row.conversions)}</td>
                      {withBooked && (
                        <>
                          <td className="px-4 py-3 text-right tabular-nums">{unitsText(row.booked)}</td>
                          <td className="min-w-56 px-4 py-3">
                            <DeliveredBar row={row} name={row.label} />
                          </td>
                          <td className="px-4 py-3 whitespace-nowrap">
                            <PacingBadge row={row} />
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t-2 border-line-strong bg-slate-50 font-semibold">
                  <tr className="align-top">
                    <th scope="row" className="px-4 py-3 text-left text-ink">
                      Total
                    </th>
                    <td className="px-4 py-3 text-right tabular-nums">{formatCount(totals.impressions)}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatCount(totals.clicks)}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{ctr(totals.ctr)}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatCount(totals.conversions)}</td>
                    {withBooked && (
                      <>
                        <td className="px-4 py-3 text-right tabular-nums">{unitsText(totals.booked)}</td>
                        <td className="min-w-56 px-4 py-3">
                          <DeliveredBar row={totals} name="all line items" />
                        </td>
                        <td className="px-4 py-3 whitespace-nowrap">
                          <PacingBadge row={totals} />
                        </td>
                      </>
                    )}
                  </tr>
                </tfoot>
              </table>
            </section>
            <div className="border-t border-line">
              <Pagination
                total={rows.length}
                page={current}
                pageSize={pageSize}
                rowCount={shown.length}
                searchParams={searchParams}
              />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
