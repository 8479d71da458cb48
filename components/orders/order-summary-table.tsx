import Link from "next/link";
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

/** A compact list of orders for landing pages; the full list is the generic data table. */
export function OrderSummaryTable({
  rows,
  hrefFor,
  timeZone,
}: {
  rows: OrderSummaryRow[];
  hrefFor: (id: number) => string;
  timeZone: string;
}) {
  const showAdvertiser = rows.some((r) => r.advertiser);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Order
            </th>
            {showAdvertiser && (
              <th scope="col" className="px-4 py-2 font-medium">
                Advertiser
              </th>
            )}
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Value
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Flight
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Ordered
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((order) => (
            <tr key={order.id}>
              <td className="px-4 py-2">
                <Link href={hrefFor(order.id)} className="font-medium text-brand-700 hover:underline">
                  #{order.id} {order.name}
                </Link>
              </td>
              {showAdvertiser && <td className="px-4 py-2">{order.advertiser}</td>}
              <td className="px-4 py-2">
                <StatusBadge status={order.status} />
              </td>
              <td className="px-4 py-2 text-right tabular-nums">
                {formatMoney(order.total, order.currency)}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                {order.startDate && order.endDate
                  ? formatDateRange(order.startDate, order.endDate, timeZone)
                  : "—"}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{formatDate(order.createdAt, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
