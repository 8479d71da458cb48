import Link from "next/link";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate, formatDateRange, formatMoney } from "@/lib/format";

export type OrderSummaryRow = {
  id: number;
  name: string;
  status: string;
  total: number;
  currency: string;
  startDate: string | null;
  endDate: string | null;
  createdAt: Date;
  advertiser?: string;
};

const col = columnHelper<OrderSummaryRow>();

function summaryColumns(hrefFor: (id: number) => string, timeZone: string, showAdvertiser: boolean) {
  return col.columns([
    col.accessor("name", {
      header: "Order",
      meta: { card: "wide" },
      cell: (c) => (
        <Link href={hrefFor(c.row.original.id)} className="font-medium text-brand-700 hover:underline">
          #{c.row.original.id} {c.getValue()}
        </Link>
      ),
    }),
    ...(showAdvertiser
      ? [col.accessor((r) => r.advertiser ?? "", { id: "advertiser", header: "Advertiser" })]
      : []),
    col.accessor("status", { header: "Status", cell: (c) => <StatusBadge status={c.getValue()} /> }),
    col.accessor("total", {
      header: "Value",
      meta: { align: "right", className: "tabular-nums" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    col.accessor("startDate", {
      header: "Flight",
      meta: { priority: 2, className: "whitespace-nowrap" },
      cell: ({ row: { original: o } }) =>
        o.startDate && o.endDate ? formatDateRange(o.startDate, o.endDate, timeZone) : "—",
    }),
    col.accessor("createdAt", {
      header: "Ordered",
      meta: { priority: 2, className: "whitespace-nowrap" },
      cell: (c) => formatDate(c.getValue(), timeZone),
    }),
  ]);
}

/** A compact list of orders for landing pages; the full list is the generic data table. */
export function OrderSummaryTable({
  rows,
  hrefFor,
  timeZone,
  caption = "Orders",
}: {
  rows: OrderSummaryRow[];
  hrefFor: (id: number) => string;
  timeZone: string;
  caption?: string;
}) {
  const showAdvertiser = rows.some((r) => r.advertiser);
  return (
    <CompactTable
      columns={summaryColumns(hrefFor, timeZone, showAdvertiser)}
      rows={rows}
      caption={caption}
      cards
    />
  );
}
