import Link from "next/link";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import type { ImportDeliveryResult } from "@/lib/delivery/import-delivery-csv";
import { formatCount } from "@/lib/format/format-count";

type PreviewRow = ImportDeliveryResult["rows"][number];

const col = columnHelper<PreviewRow>();
const number = { align: "right", className: "tabular-nums" } as const;

const previewColumns = col.columns([
  col.accessor("line", { header: "Line", meta: { className: "font-normal tabular-nums text-ink-muted" } }),
  col.accessor((row) => row.values.line_item_id, {
    id: "lineItem",
    header: "Line item",
    cell: ({ row: { original: row } }) =>
      row.orderId ? (
        <Link href={`/publisher/orders/${row.orderId}`} className="text-brand-700 hover:underline">
          #{row.values.line_item_id.trim().replace(/^#/, "")}
        </Link>
      ) : (
        row.values.line_item_id
      ),
  }),
  col.accessor((row) => row.values.day, {
    id: "day",
    header: "Day",
    meta: { className: "whitespace-nowrap" },
  }),
  col.accessor((row) => row.values.impressions, { id: "impressions", header: "Impressions", meta: number }),
  col.accessor((row) => row.values.clicks, { id: "clicks", header: "Clicks", meta: number }),
  col.accessor("before", {
    header: "Replaces",
    meta: { className: "text-xs text-ink-muted" },
    cell: (c) => {
      const before = c.getValue();
      return before ? `${formatCount(before.impressions)} / ${formatCount(before.clicks)}` : "—";
    },
  }),
  col.accessor("errors", {
    header: "Check",
    meta: { card: "wide" },
    cell: (c) =>
      c.getValue().length > 0 ? (
        <ul className="space-y-0.5 text-xs font-medium text-red-800">
          {c.getValue().map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      ) : (
        <span className="text-xs text-green-800">OK</span>
      ),
  }),
]);

/** The rows of an import preview, the ones with problems tinted red. */
export function ImportPreviewTable({ rows }: { rows: readonly PreviewRow[] }) {
  return (
    <CompactTable
      columns={previewColumns}
      rows={rows}
      caption="Rows in the file"
      getRowId={(row) => String(row.line)}
      rowClassName={(row) => (row.errors.length > 0 ? "bg-red-50/60" : undefined)}
      verticalAlign="top"
      cards
    />
  );
}
