import { toCsv } from "@/lib/format/to-csv";
import type { OrderDelivery } from "./get-order-delivery";
import { clickThroughRate } from "./pacing";

/** The header of an order's delivery export (the import's header is parse-delivery-csv's). */
export const orderDeliveryCsvHeader = [
  "date",
  "line_item_id",
  "zone",
  "impressions",
  "clicks",
  "ctr_percent",
] as const;

/** The daily rows behind an order's delivery view, one line item and day per row. */
export function orderDeliveryCsv(delivery: Pick<OrderDelivery, "rows">): string {
  return toCsv([
    orderDeliveryCsvHeader,
    ...delivery.rows.map((r) => {
      const ctr = clickThroughRate(r.impressions, r.clicks);
      return [r.day, r.lineItemId, r.zone, r.impressions, r.clicks, ctr === null ? "" : ctr.toFixed(2)];
    }),
  ]);
}
