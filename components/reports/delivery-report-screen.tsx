import Link from "next/link";
import type { ReactNode } from "react";
import { CsvExportLink } from "@/components/data-table/csv-export-link";
import { DataTable } from "@/components/data-table/data-table";
import { FilterBar } from "@/components/data-table/filter-bar";
import { DeliveryChart } from "@/components/delivery/delivery-chart";
import { formatCtr, formatPercent } from "@/components/delivery/delivery-figures";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { hrefWith, type SearchParams } from "@/lib/core/search-params";
import type { DeliveryReport } from "@/lib/delivery/report/delivery-report";
import { type ReportGrouping, reportGroupingLabels } from "@/lib/delivery/report/delivery-report-input";
import { pacingLabels } from "@/lib/delivery/report/pacing";
import type { DeliveryReportRow } from "@/lib/delivery/report/report-row";
import { formatCount, formatDate, formatDateRange } from "@/lib/format";
import { countOf, plural } from "@/lib/format/units";
import { deliveryReportColumns } from "./delivery-report-columns";
import { ReportBarChart } from "./report-bar-chart";

const nouns: Record<ReportGrouping, string> = {
  day: "day",
  line_item: "line item",
  zone: "zone",
  property: "property",
  advertiser: "advertiser",
};

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
  const applied = "report" in result ? result.report : undefined;
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
            // The range in effect (the last 30 days unless the URL says otherwise), never a blank mm/dd/yyyy.
            { type: "date", param: "from", label: "From", applied: applied?.from },
            { type: "date", param: "to", label: "To", applied: applied?.to },
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
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * pageSize, current * pageSize);
  const range = formatDateRange(report.from, report.to, timeZone);
  const asOf = formatDate(report.asOf, timeZone);
  const chartDays = [...rows].sort((a, b) => a.key.localeCompare(b.key));
  const caption = `Delivery ${reportGroupingLabels[group].toLowerCase()}`;

  return (
    <>
      <p className="text-sm text-ink-muted">
        {`${range} (${countOf(report.days, "days")}, ${timeZone}). `}
        {`Delivered vs booked and pacing cover the booked line items running in these dates, as of ${asOf}, against an even spread over each line item's dates.`}
      </p>
      <StatGrid>
        <StatCard label="Impressions" value={formatCount(totals.impressions)} hint={range} />
        <StatCard label="Clicks" value={formatCount(totals.clicks)} hint={`CTR ${formatCtr(totals.ctr)}`} />
        <StatCard label="Conversions" value={formatCount(totals.conversions)} />
        <StatCard
          label="Pacing"
          value={totals.pacing ? pacingLabels[totals.pacing] : "—"}
          hint={
            totals.lineItems > 0
              ? `${formatPercent(totals.deliveredPercent)} delivered, ${formatPercent(totals.expectedPercent)} expected by ${asOf}, over ${plural(totals.lineItems, "booked line item", "booked line items")}`
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
        title={caption}
        padded={false}
        actions={<CsvExportLink path={exportPath} searchParams={searchParams} label="Export CSV" />}
      >
        <DataTable<DeliveryReportRow>
          framed={false}
          verticalAlign="top"
          columns={deliveryReportColumns({ group, timeZone, totals, lineItemHref, showAdvertiser })}
          rows={shown}
          total={rows.length}
          page={current}
          pageSize={pageSize}
          sort={report.sort}
          searchParams={searchParams}
          caption={`${caption}, ${range}`}
          getRowId={(row) => row.key}
          empty={
            <EmptyState
              title={`No delivery from ${formatDate(report.from, timeZone)} to ${formatDate(report.to, timeZone)}`}
              description={emptyHint}
              action={emptyAction}
            />
          }
        />
      </Card>
    </>
  );
}
