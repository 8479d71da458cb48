import Link from "next/link";
import type { ReactNode } from "react";
import { columnHelper, type DataTableColumn } from "@/components/data-table/columns";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate, formatDateRange, formatMoney, formatRelativeTime } from "@/lib/format";
import type { OrderActionName } from "@/lib/orders/actions";
import { orderSourceLabels } from "@/lib/orders/list-labels";
import type { OrderListRow } from "@/lib/orders/list-orders";
import type { OrderStatus } from "@/lib/orders/types";
import { OrderListRowActions } from "../order-list-row-actions";

/** What both lists know of an order; each side adds its own fields. */
export type OrderColumnRow = {
  id: number;
  name: string;
  status: OrderStatus;
  /** Minor units. */
  total: number;
  currency: string;
  startDate: string | null;
  endDate: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  /** Messages on the order this viewer has not read yet. */
  unread?: number;
  /** Line items of the order whose ad server sync failed (the desk only). */
  syncFailed?: number;
  // The publisher's desk:
  source?: OrderListRow["source"];
  advertiser?: string;
  property?: string | null;
  deliveredPercent?: number | null;
  version?: number;
  actions?: OrderActionName[];
  // The advertiser's portal:
  zones?: string | null;
  estimatedCompletion?: string | null;
};

/**
 * Who looks at the list. The publisher's desk sees advertiser, property, delivery and a
 * row menu; the advertiser sees the zones booked and when the order should finish. Each
 * side's sortable ids are its list verb's sort values.
 */
export type OrderColumnsOptions = { timeZone: string; now: Date } & (
  | { audience: "publisher" }
  | { audience: "advertiser" }
);

const audiences = {
  publisher: {
    href: (id: number) => `/publisher/orders/${id}`,
    created: { id: "createdAt", header: "Created" },
    lastActivity: "lastActivityAt",
    dates: { header: "Start – end", sortable: true, empty: "Not scheduled" },
    valueSortable: true,
  },
  advertiser: {
    href: (id: number) => `/advertiser/orders/${id}`,
    created: { id: "submitted", header: "Submitted" },
    lastActivity: "lastActivity",
    dates: { header: "Runs", sortable: false, empty: "No dates" },
    valueSortable: false,
  },
} as const;

const col = columnHelper<OrderColumnRow>();

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-ink-muted">{children}</span>;
}

/**
 * The orders list's columns, for the publisher's desk or the advertiser's "My orders".
 * Dates are shown in the publisher's time zone; relative times against the request's
 * `now`, so server and client agree. Priorities keep a 1366 px laptop free of sideways
 * scrolling with the row menu in view; on a phone each order is a card.
 */
export function orderColumns(options: OrderColumnsOptions): DataTableColumn<OrderColumnRow>[] {
  const { timeZone, now, audience } = options;
  const side = audiences[audience];
  const publisher = audience === "publisher";

  const id = col.accessor("id", {
    header: "Order",
    cell: (c) => (
      <Link
        href={side.href(c.getValue())}
        className="text-brand-700 tabular-nums underline-offset-2 hover:underline"
      >
        #{c.getValue()}
      </Link>
    ),
  });
  const name = col.accessor("name", {
    header: "Name",
    meta: { card: "wide" },
    cell: (c) => {
      const { source, zones, unread, syncFailed } = c.row.original;
      const detail = publisher ? source && orderSourceLabels[source] : zones;
      return (
        <div className="min-w-36">
          <p className="font-medium">
            {c.getValue()}
            {unread ? (
              <span className="ml-2 whitespace-nowrap rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                {unread} unread
              </span>
            ) : null}
            {syncFailed ? (
              <span className="ml-2 whitespace-nowrap rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">
                Sync failed
              </span>
            ) : null}
          </p>
          {detail && <p className="text-xs text-ink-muted">{detail}</p>}
        </div>
      );
    },
  });
  const status = col.accessor("status", {
    header: "Status",
    cell: (c) => <StatusBadge status={c.getValue()} />,
  });
  const value = col.accessor("total", {
    header: "Value",
    enableSorting: side.valueSortable,
    sortDescFirst: true,
    meta: { align: "right", className: "tabular-nums whitespace-nowrap" },
    cell: (c) => formatMoney(c.getValue(), c.row.original.currency),
  });
  const dates = col.accessor("startDate", {
    header: side.dates.header,
    enableSorting: side.dates.sortable,
    // Wraps at the dash rather than widen the table: a 1366 px laptop keeps the row menu in view.
    meta: { priority: 2, className: "min-w-28" },
    cell: (c) => {
      const { startDate, endDate } = c.row.original;
      return startDate && endDate ? (
        formatDateRange(startDate, endDate, timeZone)
      ) : (
        <Muted>{side.dates.empty}</Muted>
      );
    },
  });
  const created = col.accessor((row) => row.createdAt, {
    id: side.created.id,
    header: side.created.header,
    enableSorting: true,
    sortDescFirst: true,
    meta: { priority: publisher ? 4 : 3, className: "whitespace-nowrap" },
    cell: (c) => formatDate(c.getValue(), timeZone),
  });
  const lastActivity = col.accessor((row) => row.lastActivityAt, {
    id: side.lastActivity,
    header: "Last activity",
    enableSorting: true,
    sortDescFirst: true,
    meta: { priority: 4, className: "whitespace-nowrap" },
    cell: (c) => (
      <time
        dateTime={c.getValue().toISOString()}
        title={formatDate(c.getValue(), timeZone, { withTime: true })}
      >
        {formatRelativeTime(c.getValue(), now)}
      </time>
    ),
  });

  if (!publisher) {
    const estimatedCompletion = col.accessor((row) => row.estimatedCompletion ?? null, {
      id: "estimatedCompletion",
      header: "Est. completion",
      enableSorting: true,
      meta: { priority: 2, className: "whitespace-nowrap" },
      cell: (c) => {
        const day = c.getValue();
        return day ? formatDate(day, timeZone) : <Muted>—</Muted>;
      },
    });
    return col.columns([id, name, status, value, dates, created, lastActivity, estimatedCompletion]);
  }

  const advertiser = col.accessor((row) => row.advertiser ?? "", {
    id: "advertiser",
    header: "Advertiser",
    meta: { priority: 2 },
  });
  const property = col.accessor((row) => row.property ?? null, {
    id: "property",
    header: "Property",
    meta: { priority: 4 },
    cell: (c) => c.getValue() ?? <Muted>—</Muted>,
  });
  const delivered = col.accessor((row) => row.deliveredPercent ?? null, {
    id: "deliveredPercent",
    header: "Delivered",
    meta: { priority: 3 },
    cell: (c) => {
      const percent = c.getValue();
      if (percent === null) return <Muted>—</Muted>;
      return (
        <ProgressBar
          label={<span className="sr-only">Delivered, order #{c.row.original.id}</span>}
          value={percent}
          valueText={`${Math.floor(percent)}%`}
          tone={percent >= 100 ? "green" : "brand"}
          className="w-20"
        />
      );
    },
  });
  const actions = col.display({
    id: "actions",
    header: "Actions",
    meta: { srOnlyHeader: true, align: "right" },
    cell: (c) => {
      const { id: orderId, name: orderName, version, actions: allowed } = c.row.original;
      if (version === undefined || !allowed) return null;
      return <OrderListRowActions orderId={orderId} name={orderName} version={version} actions={allowed} />;
    },
  });
  return col.columns([
    id,
    name,
    advertiser,
    property,
    status,
    value,
    delivered,
    dates,
    lastActivity,
    created,
    actions,
  ]);
}
