import type { ReactNode } from "react";
import { columnHelper } from "@/components/data-table/columns";
import { CompactTable } from "@/components/data-table/compact-table";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatCount, formatDateRange, formatMoney } from "@/lib/format";
import { modelName, unitName, unitOf } from "@/lib/format/units";

type Creative = { id: number; name: string; kind: string; reviewStatus: string; body: string | null };
export type LineItemRow = {
  id: number;
  zone: { name: string; width: number | null; height: number | null };
  countries: string[];
  startDate: string;
  endDate: string;
  model: "cpm" | "cpc" | "cpd";
  rate: number;
  quantity: number;
  amount: number;
  delivered: number;
  status: string;
  blockedReason: string | null;
  creatives: Creative[];
};

function CreativePreview({ creative }: { creative: Creative }) {
  return (
    <li className="flex items-center gap-2">
      {creative.kind === "image" ? (
        // biome-ignore lint/performance/noImgElement: served by the access-checked file route, not next/image
        <img
          src={`/files/creatives/${creative.id}`}
          alt={creative.name}
          className="h-8 max-w-24 rounded border border-line object-contain"
        />
      ) : (
        <span className="max-w-32 truncate rounded border border-line px-1 text-xs" title={creative.name}>
          {creative.kind === "html"
            ? `HTML · ${creative.name}`
            : (creative.body?.split("\n")[0] ?? creative.name)}
        </span>
      )}
      <StatusBadge
        status={creative.reviewStatus}
        family={
          creative.reviewStatus === "approved"
            ? "active"
            : creative.reviewStatus === "rejected"
              ? "stopped"
              : "waiting"
        }
        label={creative.reviewStatus}
      />
    </li>
  );
}

const col = columnHelper<LineItemRow>();

function lineItemColumns(
  currency: string,
  timeZone: string,
  menu?: (li: LineItemRow) => ReactNode,
  sync?: (li: LineItemRow) => ReactNode,
) {
  return col.columns([
    col.accessor("id", {
      header: "Line item",
      cell: ({ row: { original: li } }) => (
        <>
          #{li.id} {li.zone.name}
          {li.zone.width && li.zone.height ? (
            <span className="block text-xs font-normal text-ink-muted">
              {li.zone.width}×{li.zone.height}
            </span>
          ) : null}
        </>
      ),
    }),
    col.accessor((li) => li.countries.join(", "), {
      id: "countries",
      header: "Countries",
      meta: { priority: 2 },
    }),
    col.accessor("startDate", {
      header: "Dates",
      meta: { priority: 2, className: "whitespace-nowrap" },
      cell: ({ row: { original: li } }) => formatDateRange(li.startDate, li.endDate, timeZone),
    }),
    col.accessor("rate", {
      header: "Rate",
      meta: { priority: 2, align: "right", className: "whitespace-nowrap tabular-nums" },
      cell: ({ row: { original: li } }) => (
        <>
          {formatMoney(li.rate, currency)}{" "}
          <span className="text-xs text-ink-muted">{modelName[li.model]}</span>
        </>
      ),
    }),
    col.accessor("quantity", {
      header: "Booked",
      meta: { align: "right", className: "tabular-nums" },
      cell: ({ row: { original: li } }) => (
        <>
          {formatCount(li.quantity)}{" "}
          <span className="text-xs text-ink-muted">{unitName(li.quantity, unitOf[li.model])}</span>
          <span className="block text-xs text-ink-muted">{formatMoney(li.amount, currency)}</span>
        </>
      ),
    }),
    col.accessor("delivered", {
      header: "Delivered",
      meta: { align: "right", className: "tabular-nums" },
      cell: (c) => formatCount(c.getValue()),
    }),
    col.accessor("status", {
      header: "Status",
      cell: ({ row: { original: li } }) => (
        <>
          <StatusBadge status={li.status} />
          {li.blockedReason && <p className="mt-1 text-xs text-amber-800">Blocked: {li.blockedReason}</p>}
        </>
      ),
    }),
    col.accessor("creatives", {
      header: "Creatives",
      meta: { priority: 2, card: "wide" },
      cell: (c) =>
        c.getValue().length === 0 ? (
          <span className="text-xs text-ink-muted">None</span>
        ) : (
          <ul className="space-y-1">
            {c.getValue().map((creative) => (
              <CreativePreview key={creative.id} creative={creative} />
            ))}
          </ul>
        ),
    }),
    ...(sync
      ? [
          col.display({
            id: "sync",
            header: "Ad server",
            meta: { priority: 2 },
            cell: (c) => sync(c.row.original),
          }),
        ]
      : []),
    ...(menu
      ? [
          col.display({
            id: "actions",
            header: "Actions",
            meta: { srOnlyHeader: true, align: "right" },
            cell: (c) => menu(c.row.original),
          }),
        ]
      : []),
  ]);
}

/**
 * An order's line items with delivery, why they may be blocked, and each one's menu; on
 * a phone each line item is a card with its status and menu on top.
 */
export function LineItemsTable({
  lineItems,
  currency,
  timeZone,
  menu,
  sync,
}: {
  lineItems: LineItemRow[];
  currency: string;
  timeZone: string;
  menu?: (li: LineItemRow) => ReactNode;
  /** Each line item's ad server sync status (the publisher's desk). */
  sync?: (li: LineItemRow) => ReactNode;
}) {
  return (
    <Card title="Line items" padded={false}>
      <CompactTable
        columns={lineItemColumns(currency, timeZone, menu, sync)}
        rows={lineItems}
        caption="Line items"
        verticalAlign="top"
        cards
      />
    </Card>
  );
}
