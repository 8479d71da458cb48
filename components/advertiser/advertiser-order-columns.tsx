import Link from "next/link";
import { columnHelper } from "@/components/data-table/columns";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate, formatDateRange, formatMoney, formatRelativeTime } from "@/lib/format";
import type { AdvertiserOrderRow } from "@/lib/orders/list-advertiser-orders";

const col = columnHelper<AdvertiserOrderRow>();

function Muted({ children }: { children: string }) {
  return <span className="text-ink-muted">{children}</span>;
}

/**
 * The advertiser's "My orders" columns. Sortable ids are listAdvertiserOrders' sorts
 * (submitted, lastActivity, estimatedCompletion), shown in the publisher's time zone.
 */
export function advertiserOrderColumns({ timeZone, now }: { timeZone: string; now: Date }) {
  return col.columns([
    col.accessor("id", {
      header: "Order",
      cell: (c) => (
        <Link
          href={`/advertiser/orders/${c.getValue()}`}
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
          {c.row.original.zones && <p className="text-xs text-ink-muted">{c.row.original.zones}</p>}
        </div>
      ),
    }),
    col.accessor("status", { header: "Status", cell: (c) => <StatusBadge status={c.getValue()} /> }),
    col.accessor("total", {
      header: "Value",
      meta: { align: "right", className: "tabular-nums whitespace-nowrap" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
    }),
    col.accessor("startDate", {
      header: "Runs",
      meta: { hideBelow: "md", className: "whitespace-nowrap" },
      cell: (c) => {
        const { startDate, endDate } = c.row.original;
        return startDate && endDate ? formatDateRange(startDate, endDate, timeZone) : <Muted>No dates</Muted>;
      },
    }),
    col.accessor((row) => row.createdAt, {
      id: "submitted",
      header: "Submitted",
      enableSorting: true,
      sortDescFirst: true,
      meta: { hideBelow: "sm", className: "whitespace-nowrap" },
      cell: (c) => formatDate(c.getValue(), timeZone),
    }),
    col.accessor((row) => row.lastActivityAt, {
      id: "lastActivity",
      header: "Last activity",
      enableSorting: true,
      sortDescFirst: true,
      meta: { hideBelow: "lg", className: "whitespace-nowrap" },
      cell: (c) => (
        <time
          dateTime={c.getValue().toISOString()}
          title={formatDate(c.getValue(), timeZone, { withTime: true })}
        >
          {formatRelativeTime(c.getValue(), now)}
        </time>
      ),
    }),
    col.accessor((row) => row.estimatedCompletion, {
      id: "estimatedCompletion",
      header: "Est. completion",
      enableSorting: true,
      meta: { hideBelow: "lg", className: "whitespace-nowrap" },
      cell: (c) => {
        const value = c.getValue();
        return value ? formatDate(value, timeZone) : <Muted>—</Muted>;
      },
    }),
  ]);
}
