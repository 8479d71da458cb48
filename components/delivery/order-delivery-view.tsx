import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { CsvExportLink } from "@/components/data-table/csv-export-link";
import { Card } from "@/components/ui/card";
import { LinkTabs } from "@/components/ui/link-tabs";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SearchParams } from "@/lib/core/search-params";
import type { OrderDelivery } from "@/lib/delivery/report/get-order-delivery";
import { clickThroughRate } from "@/lib/delivery/report/pacing";
import { formatCount, formatDate, formatDateRange } from "@/lib/format";
import { deliveredOf, unitOf } from "@/lib/format/units";
import { DeliveryChart } from "./delivery-chart";
import { formatCtr, formatPercent, PacingBadge } from "./delivery-figures";

type LineItemDelivery = OrderDelivery["lineItems"][number];
type DayDelivery = OrderDelivery["daily"][number];

const lineItemCol = columnHelper<LineItemDelivery>();
const dayCol = columnHelper<DayDelivery>();

function lineItemColumns(timeZone: string) {
  const number = { align: "right", className: "tabular-nums" } as const;
  return lineItemCol.columns([
    lineItemCol.accessor("id", {
      header: "Line item",
      meta: { card: "wide" },
      cell: ({ row: { original: li } }) => (
        <>
          #{li.id} {li.zone}
          <span className="block text-xs font-normal text-ink-muted">
            {li.countries.join(", ")} · <StatusBadge status={li.status} />
          </span>
        </>
      ),
    }),
    lineItemCol.accessor("startDate", {
      header: "Dates",
      meta: { priority: 2, className: "whitespace-nowrap" },
      cell: ({ row: { original: li } }) => formatDateRange(li.startDate, li.endDate, timeZone),
    }),
    lineItemCol.accessor("deliveredPercent", {
      header: "Delivered vs booked",
      meta: { card: "wide", className: "min-w-48" },
      cell: ({ row: { original: li } }) => (
        <ProgressBar
          label={<span className="sr-only">Delivered, line item #{li.id}</span>}
          value={Math.min(100, li.deliveredPercent)}
          valueText={deliveredOf(li.delivered, li.booked, unitOf[li.model])}
          tone={li.deliveredPercent >= 100 ? "green" : "brand"}
        />
      ),
    }),
    lineItemCol.accessor("expected", {
      header: "Expected by today",
      meta: { ...number, priority: 2 },
      cell: (c) => formatCount(c.getValue()),
    }),
    lineItemCol.accessor("pacing", {
      header: "Pacing",
      meta: { className: "whitespace-nowrap" },
      cell: ({ row: { original: li } }) => (
        <PacingBadge pacing={li.pacing} pacingPercent={li.pacingPercent} />
      ),
    }),
    lineItemCol.accessor("impressions", {
      header: "Impressions",
      meta: number,
      cell: (c) => formatCount(c.getValue()),
    }),
    lineItemCol.accessor("clicks", {
      header: "Clicks",
      meta: number,
      cell: (c) => formatCount(c.getValue()),
    }),
    lineItemCol.accessor("ctr", {
      header: "CTR",
      meta: { ...number, priority: 2 },
      cell: (c) => formatCtr(c.getValue()),
    }),
  ]);
}

function dailyColumns(timeZone: string) {
  const number = { align: "right", className: "tabular-nums" } as const;
  return dayCol.columns([
    dayCol.accessor("day", {
      header: "Day",
      meta: { className: "font-normal whitespace-nowrap" },
      cell: (c) => formatDate(c.getValue(), timeZone),
    }),
    dayCol.accessor("impressions", {
      header: "Impressions",
      meta: number,
      cell: (c) => formatCount(c.getValue()),
    }),
    dayCol.accessor("clicks", { header: "Clicks", meta: number, cell: (c) => formatCount(c.getValue()) }),
    dayCol.display({
      id: "ctr",
      header: "CTR",
      meta: number,
      cell: ({ row: { original: d } }) => formatCtr(clickThroughRate(d.impressions, d.clicks)),
    }),
  ]);
}

/** An order's delivery: headline figures, a daily chart, line items with pacing, and the daily rows. */
export function OrderDeliveryView({
  delivery,
  basePath,
  exportPath,
  searchParams,
}: {
  delivery: OrderDelivery;
  basePath: string;
  exportPath: string;
  searchParams: SearchParams;
}) {
  const { totals, timeZone } = delivery;
  return (
    <div className="space-y-6">
      {delivery.lineItems.length > 1 && (
        <LinkTabs
          label="Line item"
          param="lineItem"
          searchParams={searchParams}
          current={delivery.lineItemId === null ? null : String(delivery.lineItemId)}
          tabs={[
            { label: "Whole order", value: null, href: basePath },
            ...delivery.lineItems.map((li) => ({
              label: `#${li.id} ${li.zone}`,
              value: String(li.id),
              href: `${basePath}?lineItem=${li.id}`,
            })),
          ]}
        />
      )}
      <StatGrid>
        <StatCard label="Impressions" value={formatCount(totals.impressions)} />
        <StatCard label="Clicks" value={formatCount(totals.clicks)} hint={`CTR ${formatCtr(totals.ctr)}`} />
        <StatCard
          label="Delivered"
          value={formatPercent(totals.deliveredPercent)}
          hint={`of booked; ${formatPercent(totals.expectedPercent)} expected by today`}
        />
        <StatCard
          label="Pacing"
          value={formatPercent(totals.pacingPercent)}
          hint="Delivered ÷ expected by today; 100% is on schedule."
        />
      </StatGrid>
      <Card title="Daily delivery">
        <DeliveryChart days={delivery.daily} timeZone={timeZone} />
      </Card>
      <Card title="Line items" padded={false}>
        <CompactTable
          columns={lineItemColumns(timeZone)}
          rows={delivery.lineItems}
          caption="Line item delivery"
          verticalAlign="top"
          cards
        />
      </Card>
      <Card
        title="Daily rows"
        padded={false}
        actions={<CsvExportLink path={exportPath} searchParams={searchParams} label="Export CSV" />}
      >
        <CompactTable
          columns={dailyColumns(timeZone)}
          rows={delivery.daily}
          getRowId={(d) => d.day}
          caption="Delivery per day"
          className="max-h-96 overflow-y-auto"
          stickyHeader
          empty={<p className="px-4 py-6 text-sm text-ink-muted">No delivery recorded yet.</p>}
        />
      </Card>
    </div>
  );
}
