import Link from "next/link";
import type { ReactNode } from "react";
import { columnHelper, type DataTableColumn } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import type { StatusFamily } from "@/components/ui/status";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatCount, formatDate, formatMoney } from "@/lib/format";
import type { RecurringSaleRow } from "@/lib/sales/list-recurring-sales";
import type { SaleOrderRow, SaleOrderStatus } from "@/lib/sales/list-sale-orders";
import type { SalePaymentRow } from "@/lib/sales/list-sale-payments";
import type { SalesReportRow } from "@/lib/sales/report-sales";
import { CheckSaleDialog, type StaffOption } from "./check-sale-dialog";
import { PartialOrderActions } from "./partial-order-actions";
import { RecurringScheduleActions } from "./recurring-schedule-actions";

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-ink-muted">{children}</span>;
}

/** A link to an order's page; `strong` for the row's title. */
function OrderLink({
  orderId,
  strong,
  children,
}: {
  orderId: number;
  strong?: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      href={`/publisher/orders/${orderId}`}
      className={strong ? "font-medium text-brand-700 underline" : "text-brand-700 underline"}
    >
      {children}
    </Link>
  );
}

/** The customer column: the advertiser's name, linking to their page. */
function customerCell(row: { advertiserId: number; advertiser: string }) {
  return (
    <Link href={`/publisher/advertisers/${row.advertiserId}`} className="text-brand-700 underline">
      {row.advertiser}
    </Link>
  );
}

const paymentStatus: Record<SalePaymentRow["status"], { label: string; family: StatusFamily }> = {
  processing: { label: "Processing", family: "waiting" },
  completed: { label: "Completed", family: "active" },
  declined: { label: "Declined", family: "stopped" },
  refunded: { label: "Refunded", family: "done" },
};

const orderStatus: Record<SaleOrderStatus, { label: string; family: StatusFamily }> = {
  open: { label: "Open", family: "waiting" },
  completed: { label: "Completed", family: "active" },
  declined: { label: "Declined", family: "stopped" },
  refund: { label: "Refund", family: "done" },
};

const recurringStatus: Record<RecurringSaleRow["status"], { label: string; family: StatusFamily }> = {
  active: { label: "Active", family: "active" },
  paused: { label: "Paused", family: "paused" },
  processing: { label: "Processing", family: "waiting" },
  completed: { label: "Completed", family: "done" },
  failed: { label: "Failed", family: "stopped" },
};

const isSale = (p: SalePaymentRow) => p.status === "completed" || p.status === "refunded";

/**
 * Who made the sale: green with "confirmed" once someone with confirm_sales checked it,
 * red with "unconfirmed" until then (the words, not only the colour, say which).
 */
export function SaleManager({ payment }: { payment: SalePaymentRow }) {
  if (!isSale(payment)) return <Muted>—</Muted>;
  const who = payment.managerId === null ? "System" : (payment.managerName ?? `User #${payment.managerId}`);
  return (
    <Badge tone={payment.confirmed ? "green" : "red"} dot className="whitespace-normal">
      {who} · {payment.confirmed ? "confirmed" : "unconfirmed"}
    </Badge>
  );
}

export type SaleActionsOptions = {
  canConfirm: boolean;
  staff: readonly StaffOption[];
  /** Confirm and Decline on orders with partial payments (the Partial filter is on, staff who write). */
  partialActions?: boolean;
};

const closedOrder = new Set(["canceled", "rejected", "archived"]);

/** Confirm or Decline only while something is still due on an open order paid in part. */
function PartialActionsCell({ order }: { order: SaleOrderRow }) {
  if (!order.partial || order.balanceDue <= 0 || closedOrder.has(order.orderStatus)) return <Muted>—</Muted>;
  return (
    <PartialOrderActions
      orderId={order.id}
      name={order.name}
      version={order.version}
      currency={order.currency}
      received={order.paid - order.refunded}
      balanceDue={order.balanceDue}
    />
  );
}

function CheckButton({ payment, options }: { payment: SalePaymentRow; options: SaleActionsOptions }) {
  if (!options.canConfirm || !isSale(payment)) return null;
  return (
    <CheckSaleDialog
      paymentId={payment.id}
      amountLabel={formatMoney(payment.amount, payment.currency)}
      managerId={payment.managerId}
      confirmed={payment.confirmed}
      staff={options.staff}
    />
  );
}

const percent = (basisPoints: number) =>
  `${(basisPoints / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;

const pay = columnHelper<SalePaymentRow>();

/** The Payments tab: every column seed 003 names for a payment, most important first. */
export function salePaymentColumns(
  timeZone: string,
  options: SaleActionsOptions,
): DataTableColumn<SalePaymentRow>[] {
  return pay.columns([
    pay.accessor("id", {
      header: "Payment",
      // "#39" on screen, "Payment #39" to a screen reader: the column fits 1366 px with its Check button.
      cell: (c) => (
        <span className="font-medium text-ink">
          <span className="sr-only">Payment </span>#{c.getValue()}
        </span>
      ),
      meta: { card: "title" },
    }),
    pay.accessor("createdAt", {
      header: "Date",
      enableSorting: true,
      cell: (c) => (
        <time title={formatDate(c.getValue(), timeZone, { withTime: true })}>
          {formatDate(c.getValue(), timeZone)}
        </time>
      ),
      meta: { priority: 2 },
    }),
    pay.accessor("advertiser", {
      header: "Customer",
      cell: (c) => customerCell(c.row.original),
      meta: { priority: 2 },
    }),
    pay.accessor("orderId", {
      header: "Order",
      cell: (c) => <OrderLink orderId={c.getValue()}>#{c.getValue()}</OrderLink>,
      meta: { priority: 3 },
    }),
    pay.accessor("invoiceNumber", {
      header: "Invoice",
      cell: (c) => `Invoice ${c.getValue()}`,
      meta: { priority: 4 },
    }),
    pay.accessor("status", {
      header: "Status",
      cell: (c) => <StatusBadge status={c.row.original.status} {...paymentStatus[c.row.original.status]} />,
    }),
    pay.accessor("amount", {
      header: "Amount",
      enableSorting: true,
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
      meta: { align: "right" },
    }),
    pay.accessor("currency", { header: "Currency", meta: { priority: 4 } }),
    pay.accessor("basisPoints", {
      header: "Payment %",
      cell: (c) => percent(c.getValue()),
      meta: { priority: 4, align: "right" },
    }),
    // "Paid via" (the payment system) keeps the header short enough for the row to fit 1366 px.
    pay.accessor("paymentSystem", { header: "Paid via", meta: { priority: 2 } }),
    pay.accessor("fee", {
      header: "Fee",
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
      meta: { priority: 4, align: "right" },
    }),
    pay.accessor("fundsCredited", {
      header: "Funds credited",
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
      meta: { priority: 3, align: "right" },
    }),
    pay.accessor("refunded", {
      header: "Refunded",
      cell: (c) => (c.getValue() > 0 ? formatMoney(c.getValue(), c.row.original.currency) : <Muted>—</Muted>),
      meta: { priority: 4, align: "right" },
    }),
    pay.accessor("oneClick", {
      header: "One click",
      cell: (c) => (c.getValue() ? "Yes" : <Muted>No</Muted>),
      meta: { priority: 4 },
    }),
    pay.accessor("comment", {
      header: "Comment",
      cell: (c) => c.getValue() ?? <Muted>—</Muted>,
      meta: { priority: 4 },
    }),
    pay.display({
      id: "manager",
      header: "Sales manager",
      cell: (c) => <SaleManager payment={c.row.original} />,
      meta: { card: "wide" },
    }),
    pay.display({
      id: "actions",
      header: "Actions",
      cell: (c) => <CheckButton payment={c.row.original} options={options} />,
      meta: { srOnlyHeader: true, card: "actions" },
    }),
  ]);
}

/** An order's invoices and payments, as the expanded part of its row (seed 003). */
function OrderPayments({
  order,
  timeZone,
  options,
}: {
  order: SaleOrderRow;
  timeZone: string;
  options: SaleActionsOptions;
}) {
  const money = (n: number) => formatMoney(n, order.currency);
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm text-brand-700 underline">
        {order.payments.length === 1 ? "1 payment" : `${formatCount(order.payments.length)} payments`}
        <span className="sr-only"> of order #{order.id}</span>
      </summary>
      <div className="mt-2 space-y-2 text-sm">
        <p className="text-ink-muted">
          {order.lineItems
            .map(
              (li) =>
                `${li.zone} (${li.property}): ${formatCount(li.quantity)} × ${money(li.rate)}${li.model === "cpm" ? " per 1,000" : ""} = ${money(li.amount)}`,
            )
            .join("; ")}
        </p>
        {order.payments.length === 0 ? (
          <p className="text-ink-muted">No payment yet.</p>
        ) : (
          <ul
            className="divide-y divide-line rounded border border-line"
            aria-label={`Payments of order #${order.id}`}
          >
            {order.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-2 py-1.5">
                <span className="font-medium text-ink">
                  Invoice {p.invoiceNumber} · payment #{p.id}
                </span>
                <span>{formatDate(p.createdAt, timeZone, { withTime: true })}</span>
                <StatusBadge status={p.status} {...paymentStatus[p.status]} />
                <span>
                  {formatMoney(p.amount, p.currency)} {p.currency} ({percent(p.basisPoints)})
                </span>
                <span>{p.paymentSystem}</span>
                <span>fee {formatMoney(p.fee, p.currency)}</span>
                <span>credited {formatMoney(p.fundsCredited, p.currency)}</span>
                {p.refunded > 0 && <span>refunded {formatMoney(p.refunded, p.currency)}</span>}
                {p.oneClick && <span>paid in one click</span>}
                {p.comment && <span>“{p.comment}”</span>}
                <SaleManager payment={p} />
                <CheckButton payment={p} options={options} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

const ord = columnHelper<SaleOrderRow>();

/** The All orders tab: one row per invoiced order, expanding into its payments. */
export function saleOrderColumns(
  timeZone: string,
  options: SaleActionsOptions,
): DataTableColumn<SaleOrderRow>[] {
  return ord.columns([
    ord.accessor("name", {
      header: "Order",
      cell: (c) => (
        <OrderLink orderId={c.row.original.id} strong>
          #{c.row.original.id} {c.getValue()}
        </OrderLink>
      ),
      meta: { card: "title" },
    }),
    ord.accessor("createdAt", {
      header: "Created",
      enableSorting: true,
      cell: (c) => formatDate(c.getValue(), timeZone, { withTime: true }),
      meta: { priority: 2 },
    }),
    ord.accessor("advertiser", {
      header: "Customer",
      cell: (c) => customerCell(c.row.original),
      meta: { priority: 2 },
    }),
    ord.accessor("saleStatus", {
      header: "Status",
      cell: (c) => (
        <StatusBadge status={c.row.original.saleStatus} {...orderStatus[c.row.original.saleStatus]} />
      ),
    }),
    ord.display({
      id: "zones",
      header: "Zones",
      cell: (c) => [...new Set(c.row.original.lineItems.map((li) => li.zone))].join(", ") || <Muted>—</Muted>,
      meta: { priority: 3 },
    }),
    ord.display({
      id: "properties",
      header: "Property",
      cell: (c) =>
        [...new Set(c.row.original.lineItems.map((li) => li.property))].join(", ") || <Muted>—</Muted>,
      meta: { priority: 4 },
    }),
    ord.accessor("total", {
      header: "Price",
      enableSorting: true,
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
      meta: { align: "right" },
    }),
    ord.accessor("paid", {
      header: "Paid",
      cell: (c) => formatMoney(c.getValue() - c.row.original.refunded, c.row.original.currency),
      meta: { priority: 3, align: "right" },
    }),
    ord.accessor("balanceDue", {
      header: "Balance due",
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
      meta: { priority: 2, align: "right" },
    }),
    ord.display({
      id: "payments",
      header: "Invoices and payments",
      cell: (c) => <OrderPayments order={c.row.original} timeZone={timeZone} options={options} />,
      meta: { card: "wide", className: "min-w-48" },
    }),
    ...(options.partialActions
      ? [
          ord.display({
            id: "actions",
            header: "Actions",
            cell: (c) => <PartialActionsCell order={c.row.original} />,
            meta: { srOnlyHeader: true, card: "actions" },
          }),
        ]
      : []),
  ]);
}

const rec = columnHelper<RecurringSaleRow>();

/** The Recurring orders tab: schedules with their progress and, for manage_recurring, their actions. */
export function recurringSaleColumns(
  timeZone: string,
  canManage: boolean,
): DataTableColumn<RecurringSaleRow>[] {
  return rec.columns([
    rec.accessor("orderName", {
      header: "Recurring order",
      cell: (c) => (
        <OrderLink orderId={c.row.original.templateOrderId} strong>
          #{c.row.original.id} {c.getValue()}
        </OrderLink>
      ),
      meta: { card: "title" },
    }),
    rec.accessor("advertiser", {
      header: "Customer",
      cell: (c) => customerCell(c.row.original),
      meta: { priority: 2 },
    }),
    rec.accessor("status", {
      header: "Status",
      cell: (c) => <StatusBadge status={c.row.original.status} {...recurringStatus[c.row.original.status]} />,
    }),
    rec.accessor("total", {
      header: "Per payment",
      cell: (c) => `${formatMoney(c.getValue(), c.row.original.currency)} ${c.row.original.interval}`,
      meta: { priority: 2, align: "right" },
    }),
    rec.accessor("paymentsRemaining", {
      header: "Payments remaining",
      cell: (c) => (
        <span>
          {c.getValue()} of {c.row.original.paymentsTotal}
        </span>
      ),
    }),
    rec.accessor("nextPaymentAt", {
      header: "Next payment",
      cell: (c) => {
        const at = c.getValue();
        return at ? formatDate(at, timeZone) : <Muted>—</Muted>;
      },
    }),
    rec.display({
      id: "orders",
      header: "Orders made",
      cell: (c) => (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700 underline">
            {formatCount(c.row.original.orders.length)}{" "}
            {c.row.original.orders.length === 1 ? "order" : "orders"}
            <span className="sr-only"> of recurring order #{c.row.original.id}</span>
          </summary>
          <ul className="mt-1 space-y-1 text-sm">
            {c.row.original.orders.map((o) => (
              <li key={o.orderId}>
                <OrderLink orderId={o.orderId}>#{o.orderId}</OrderLink> {o.initial ? "(initial) " : ""}·{" "}
                {formatDate(o.createdAt, timeZone)} · <StatusBadge status={o.status} /> ·{" "}
                {formatMoney(o.total, o.currency)} · {o.paymentSystem ?? "no payment yet"}
              </li>
            ))}
          </ul>
        </details>
      ),
      meta: { priority: 3, card: "wide" },
    }),
    rec.accessor("lastError", {
      header: "Last error",
      cell: (c) => c.getValue() ?? <Muted>—</Muted>,
      meta: { priority: 4 },
    }),
    ...(canManage
      ? [
          rec.display({
            id: "actions",
            header: "Actions",
            cell: (c) => (
              <RecurringScheduleActions scheduleId={c.row.original.id} status={c.row.original.status} />
            ),
            meta: { srOnlyHeader: true, card: "actions" },
          }),
        ]
      : []),
  ]);
}

const rep = columnHelper<SalesReportRow>();

/** A sales report's columns, every one sortable (?sort=&dir=). */
export function salesReportColumns(firstHeader: string): DataTableColumn<SalesReportRow>[] {
  const money = (
    key: "received" | "refunded" | "net" | "fees" | "credited",
    header: string,
    priority: 1 | 2 | 3,
  ) =>
    rep.accessor(key, {
      header,
      enableSorting: true,
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
      meta: { align: "right", priority },
    });
  return rep.columns([
    rep.accessor("label", { header: firstHeader, enableSorting: true, meta: { card: "title" } }),
    rep.accessor("currency", { header: "Currency", enableSorting: true, meta: { priority: 2 } }),
    rep.accessor("payments", {
      header: "Payments",
      enableSorting: true,
      meta: { align: "right", priority: 2 },
    }),
    money("received", "Received", 2),
    money("refunded", "Refunded", 2),
    money("net", "Net sales", 1),
    money("fees", "Fees", 3),
    money("credited", "Funds credited", 3),
  ]);
}
