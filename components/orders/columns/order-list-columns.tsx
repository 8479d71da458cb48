import Link from "next/link";
import { columnHelper } from "@/components/data-table/columns";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate, formatDateRange, formatMoney, formatRelativeTime } from "@/lib/format";
import { orderSourceLabels } from "@/lib/orders/list-labels";
import type { OrderListRow } from "@/lib/orders/list-orders";
import { OrderListRowActions } from "../order-list-row-actions";

const col = columnHelper<OrderListRow>();

export const orderHref = (id: number) => `/publisher/orders/${id}`;

function Muted({ children }: { children: string }) {
  return <span className="text-ink-muted">{children}</span>;
}

/**
 * The orders list's columns. Sortable column ids are listOrders' sort values
 * (createdAt, lastActivityAt, startDate, total). Dates are shown in the publisher's
 * time zone; relative times against the request's `now`, so server and client agree.
 */
export function orderListColumns({ timeZone, now }: { timeZone: string; now: Date }) {
  return col.columns([
    col.accessor("id", {
      header: "Order",
      cell: (c) => (
        <Link
          href={orderHref(c.getValue())}
          className="text-brand-700 tabular-nums underline-offset-2 hover:underline"
        >
          #{c.getValue()}
        </Link>
      ),
    }),
    col.accessor("name", {
      header: "Name",
      cell: (c) => (
        <div className="min-w-40">
          <p className="font-medium">{c.getValue()}</p>
          <p className="text-xs text-ink-muted">{orderSourceLabels[c.row.original.source]}</p>
        </div>
      ),
    }),
    col.accessor("advertiser", { header: "Advertiser" }),
    col.accessor("property", {
      header: "Property",
      meta: { hideBelow: "lg" },
      cell: (c) => c.getValue() ?? <Muted>—</Muted>,
    }),
    col.accessor("status", { header: "Status", cell: (c) => <StatusBadge status={c.getValue()} /> }),
    col.accessor("total", {
      header: "Value",
      enableSorting: true,
      sortDescFirst: true,
      meta: { align: "right", className: "tabular-nums whitespace-nowrap" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    col.accessor("deliveredPercent", {
      header: "Delivered",
      meta: { hideBelow: "md" },
      cell: (c) => {
        const value = c.getValue();
        if (value === null) return <Muted>—</Muted>;
        return (
          <ProgressBar
            label={<span className="sr-only">Delivered, order #{c.row.original.id}</span>}
            value={value}
            valueText={`${Math.floor(value)}%`}
            tone={value >= 100 ? "green" : "brand"}
            className="w-24"
          />
        );
      },
    }),
    col.accessor("startDate", {
      header: "Start – end",
      enableSorting: true,
      meta: { className: "whitespace-nowrap" },
      cell: (c) => {
        const { startDate, endDate } = c.row.original;
        return startDate && endDate ? (
          formatDateRange(startDate, endDate, timeZone)
        ) : (
          <Muted>Not scheduled</Muted>
        );
      },
    }),
    col.accessor("lastActivityAt", {
      header: "Last activity",
      enableSorting: true,
      sortDescFirst: true,
      meta: { hideBelow: "sm", className: "whitespace-nowrap" },
      cell: (c) => (
        <time
          dateTime={c.getValue().toISOString()}
          title={formatDate(c.getValue(), timeZone, { withTime: true })}
        >
          {formatRelativeTime(c.getValue(), now)}
        </time>
      ),
    }),
    col.accessor("createdAt", {
      header: "Created",
      enableSorting: true,
      sortDescFirst: true,
      meta: { hideBelow: "lg", className: "whitespace-nowrap" },
      cell: (c) => formatDate(c.getValue(), timeZone),
    }),
    col.display({
      id: "actions",
      header: "Actions",
      meta: { srOnlyHeader: true, align: "right" },
      cell: (c) => {
        const { id, name, version, actions } = c.row.original;
        return <OrderListRowActions orderId={id} name={name} version={version} actions={actions} />;
      },
    }),
  ]);
}
