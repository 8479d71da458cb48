import Link from "next/link";
import { columnHelper } from "@/components/data-table/columns";
import { deliveredText, formatCtr, PacingBadge, unitsText } from "@/components/delivery/delivery-figures";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ReportGrouping } from "@/lib/delivery/report/delivery-report-input";
import { sortsFor } from "@/lib/delivery/report/delivery-report-input";
import type { DeliveryReportRow, DeliveryReportTotals } from "@/lib/delivery/report/report-row";
import { formatCount, formatDate } from "@/lib/format";

const nameHeaders: Record<ReportGrouping, string> = {
  day: "Day",
  line_item: "Line item",
  zone: "Zone",
  property: "Property",
  advertiser: "Advertiser",
};

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

export type ReportColumnsOptions = {
  group: ReportGrouping;
  timeZone: string;
  totals: DeliveryReportTotals;
  /** Where a line item row links to (its order), if anywhere. */
  lineItemHref: (row: DeliveryReportRow) => string | null;
  /** Advertisers see their own company on every line item; staff see whose it is. */
  showAdvertiser: boolean;
};

/**
 * The report table's columns for a grouping, each with its totals footer. Column ids
 * are the report's sorts; names sort A–Z first, figures biggest first.
 */
export function deliveryReportColumns({
  group,
  timeZone,
  totals,
  lineItemHref,
  showAdvertiser,
}: ReportColumnsOptions) {
  const col = columnHelper<DeliveryReportRow>();
  // Accessors only make the headers sortable: the rows arrive sorted by the report.
  const figure = (
    id: "impressions" | "clicks" | "ctr" | "conversions",
    header: string,
    show: (value: number | null) => string,
  ) =>
    col.accessor((row) => row[id], {
      id,
      header,
      enableSorting: true,
      sortDescFirst: true,
      meta: { align: "right", className: "tabular-nums" },
      cell: (c) => show(c.row.original[id]),
      footer: () => show(totals[id]),
    });
  const count = (value: number | null) => formatCount(value ?? 0);

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

  const all = [
    col.accessor((row) => row.label, {
      id: "label",
      header: nameHeaders[group],
      enableSorting: true,
      sortDescFirst: false,
      meta: { className: "whitespace-nowrap" },
      cell: (c) => nameCell(c.row.original),
      footer: () => "Total",
    }),
    figure("impressions", "Impressions", count),
    figure("clicks", "Clicks", count),
    figure("ctr", "CTR", formatCtr),
    figure("conversions", "Conversions", count),
    col.accessor((row) => row.booked, {
      id: "booked",
      header: "Booked",
      enableSorting: true,
      sortDescFirst: true,
      meta: { align: "right", className: "tabular-nums" },
      cell: (c) => unitsText(c.row.original.booked),
      footer: () => unitsText(totals.booked),
    }),
    col.accessor((row) => row.deliveredPercent, {
      id: "delivered",
      header: "Delivered vs booked",
      enableSorting: true,
      sortDescFirst: true,
      meta: { className: "min-w-56" },
      cell: (c) => <DeliveredBar row={c.row.original} name={c.row.original.label} />,
      footer: () => <DeliveredBar row={totals} name="all line items" />,
    }),
    col.accessor((row) => row.pacingPercent, {
      id: "pacing",
      header: "Pacing",
      enableSorting: true,
      sortDescFirst: true,
      meta: { className: "whitespace-nowrap" },
      cell: (c) => (
        <PacingBadge pacing={c.row.original.pacing} pacingPercent={c.row.original.pacingPercent} />
      ),
      footer: () => <PacingBadge pacing={totals.pacing} pacingPercent={totals.pacingPercent} />,
    }),
  ];
  const sortable: readonly string[] = sortsFor(group);
  return all.filter((c) => sortable.includes(c.id!));
}
