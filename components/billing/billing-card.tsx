import Link from "next/link";
import type { ReactNode } from "react";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { invoiceStatusLabels } from "@/lib/billing/invoice-status";
import type { InvoiceRow, PaymentRow } from "@/lib/billing/order-billing";
import { formatDate, formatMoney } from "@/lib/format";

export { invoiceStatusLabels };

const invoiceFamilies = {
  open: "waiting",
  partially_paid: "waiting",
  paid: "done",
  void: "stopped",
} as const;

const inv = columnHelper<InvoiceRow>();
const pay = columnHelper<PaymentRow>();

/** An order's invoices and the payments on them; staff get the money buttons through `invoiceActions` / `paymentActions`. */
export function BillingCard({
  invoices,
  payments,
  invoiceHref,
  timeZone,
  headerActions,
  invoiceActions,
  paymentActions,
}: {
  invoices: InvoiceRow[];
  payments: PaymentRow[];
  invoiceHref: (id: number) => string;
  timeZone: string;
  headerActions?: ReactNode;
  invoiceActions?: (row: InvoiceRow) => ReactNode;
  paymentActions?: (row: PaymentRow) => ReactNode;
}) {
  const invoiceColumns = [
    inv.accessor("number", {
      header: "Invoice",
      meta: { card: "title" },
      cell: (c) => (
        <Link href={invoiceHref(c.row.original.id)} className="font-medium text-brand-700 hover:underline">
          Invoice {c.getValue()}
        </Link>
      ),
    }),
    inv.accessor("issuedAt", {
      header: "Issued",
      meta: { priority: 3 },
      cell: (c) => formatDate(c.getValue(), timeZone),
    }),
    inv.accessor("dueDate", {
      header: "Due",
      meta: { priority: 2 },
      cell: (c) => formatDate(c.getValue(), timeZone),
    }),
    inv.accessor("amount", {
      header: "Amount",
      meta: { align: "right" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    inv.accessor("paid", {
      header: "Paid",
      meta: { align: "right", priority: 2 },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    inv.accessor("status", {
      header: "Status",
      cell: (c) => (
        <StatusBadge
          status={c.getValue()}
          family={invoiceFamilies[c.getValue()]}
          label={invoiceStatusLabels[c.getValue()]}
        />
      ),
    }),
    ...(invoiceActions
      ? [
          inv.display({
            id: "actions",
            header: "Actions",
            meta: { srOnlyHeader: true, align: "right" },
            cell: (c) => <div className="flex justify-end gap-2">{invoiceActions(c.row.original)}</div>,
          }),
        ]
      : []),
  ];
  const paymentColumns = [
    pay.accessor("id", {
      header: "Payment",
      meta: { card: "title" },
      cell: (c) => `#${c.getValue()} · invoice ${c.row.original.invoiceNumber}`,
    }),
    pay.accessor("receivedOn", {
      header: "Received",
      meta: { priority: 2 },
      cell: (c) => formatDate(c.getValue() ?? c.row.original.createdAt, timeZone),
    }),
    pay.accessor("paymentSystem", { header: "System", meta: { priority: 2 } }),
    pay.accessor("amount", {
      header: "Amount",
      meta: { align: "right" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    pay.accessor("fee", {
      header: "Fee",
      meta: { align: "right", priority: 3 },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    pay.accessor("fundsCredited", {
      header: "Credited",
      meta: { align: "right", priority: 3 },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    pay.accessor("status", {
      header: "Status",
      meta: { priority: 2 },
      cell: (c) => <StatusBadge status={c.getValue()} />,
    }),
    ...(paymentActions
      ? [
          pay.display({
            id: "actions",
            header: "Actions",
            meta: { srOnlyHeader: true, align: "right" },
            cell: (c) => paymentActions(c.row.original),
          }),
        ]
      : []),
  ];
  return (
    <Card title="Invoices and payments" padded={false} actions={headerActions}>
      <CompactTable
        columns={invoiceColumns}
        rows={invoices}
        caption="Invoices"
        cards
        empty={<p className="px-4 py-3 text-sm text-ink-muted">No invoice yet.</p>}
      />
      {payments.length > 0 && (
        <div className="border-t border-line">
          <CompactTable columns={paymentColumns} rows={payments} caption="Payments" cards />
        </div>
      )}
    </Card>
  );
}
