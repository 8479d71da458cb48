import type { ReactNode } from "react";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { type LedgerRow, ledgerKindLabels } from "@/lib/billing/order-ledger";
import { formatDate, formatMoney } from "@/lib/format";

const col = columnHelper<LedgerRow>();

/** What the row is: "Payment #12", "Reversal of payment #12". */
function what(row: LedgerRow) {
  const kind = ledgerKindLabels[row.kind];
  return row.reversesId ? `Reversal of ${kind.toLowerCase()} #${row.reversesId}` : `${kind} #${row.id}`;
}

function ledgerColumns(timeZone: string, actions?: (row: LedgerRow) => ReactNode) {
  return [
    col.accessor("createdAt", {
      header: "When",
      meta: { priority: 2 },
      cell: (c) => formatDate(c.getValue(), timeZone, { withTime: true }),
    }),
    col.display({
      id: "what",
      header: "Transaction",
      meta: { card: "title" },
      cell: ({ row: { original } }) => (
        <span className={cn(original.reversedById !== null && "line-through decoration-2")}>
          {what(original)}
          {original.reversedById && <span className="sr-only"> (reversed by #{original.reversedById})</span>}
        </span>
      ),
    }),
    col.accessor("reference", {
      header: "Reference",
      meta: { priority: 2 },
      cell: (c) => c.getValue() ?? "—",
    }),
    col.accessor("by", { header: "By", meta: { priority: 3 }, cell: (c) => c.getValue() ?? "AdDesk" }),
    col.accessor("amount", {
      header: "Amount",
      meta: { align: "right" },
      cell: ({ row: { original } }) => (
        <span className={cn("tabular-nums", original.reversedById !== null && "line-through")}>
          {original.reversesId ? "−" : ""}
          {formatMoney(original.amount, original.currency)}
        </span>
      ),
    }),
    ...(actions
      ? [
          col.display({
            id: "actions",
            header: "Actions",
            meta: { srOnlyHeader: true, align: "right" },
            cell: ({ row: { original } }) => actions(original),
          }),
        ]
      : []),
  ];
}

/**
 * Every money movement of the order, oldest first. Nothing is edited or deleted: a
 * reversed entry is struck through and its reversal, with the reason, follows it.
 */
export function LedgerCard({
  rows,
  timeZone,
  actions,
  headerActions,
}: {
  rows: LedgerRow[];
  timeZone: string;
  /** Per row (a Reverse button for owners and admins); read-only when left out. */
  actions?: (row: LedgerRow) => ReactNode;
  headerActions?: ReactNode;
}) {
  return (
    <Card title="Transactions" padded={false} actions={headerActions}>
      <CompactTable
        columns={ledgerColumns(timeZone, actions)}
        rows={rows}
        caption="Transactions"
        cards
        rowClassName={(row) => (row.reversedById || row.reversesId ? "text-ink-muted" : undefined)}
        empty={<p className="px-4 py-3 text-sm text-ink-muted">No money has moved on this order yet.</p>}
      />
    </Card>
  );
}
