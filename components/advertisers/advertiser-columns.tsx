import Link from "next/link";
import { columnHelper } from "@/components/data-table";
import type { AdvertiserRow } from "@/lib/advertisers/list-advertisers";
import { formatCount, formatDate, formatMoney } from "@/lib/format";

/** The advertisers list: who, how much they booked, what they owe, when they last ordered. */
export function advertiserColumns({ currency, timeZone }: { currency: string; timeZone: string }) {
  const col = columnHelper<AdvertiserRow>();
  return col.columns([
    col.accessor("company", {
      header: "Advertiser",
      enableSorting: true,
      cell: (c) => (
        <div className="min-w-0">
          <Link
            href={`/publisher/advertisers/${c.row.original.id}`}
            className="font-medium text-brand-700 underline"
          >
            {c.getValue()}
          </Link>
          <p className="truncate text-sm text-ink-muted">
            {c.row.original.contactName} · {c.row.original.contactEmail}
          </p>
        </div>
      ),
    }),
    col.accessor("orders", {
      header: "Orders",
      enableSorting: true,
      meta: { align: "right" },
      cell: (c) => formatCount(c.getValue()),
    }),
    col.accessor("spend", {
      header: "Spend",
      enableSorting: true,
      meta: { align: "right" },
      cell: (c) => formatMoney(c.getValue(), currency),
    }),
    col.accessor("balance", {
      header: "Balance due",
      meta: { align: "right", priority: 2 },
      cell: (c) => formatMoney(c.getValue(), currency),
    }),
    col.accessor("lastOrderAt", {
      header: "Last order",
      enableSorting: true,
      meta: { priority: 3 },
      cell: (c) => {
        const at = c.getValue();
        return at ? formatDate(at, timeZone) : "None yet";
      },
    }),
  ]);
}
