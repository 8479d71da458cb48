import { toCsv } from "@/lib/format/to-csv";
import type { DeliveryReport } from "./get-delivery-report";
import { clickThroughRate } from "./pacing";

export const deliveryCsvHeader = [
  "date",
  "line_item_id",
  "zone",
  "impressions",
  "clicks",
  "ctr_percent",
] as const;

/** The daily rows behind a delivery report, one line item and day per row. */
export function deliveryCsv(report: Pick<DeliveryReport, "rows">): string {
  return toCsv([
    deliveryCsvHeader,
    ...report.rows.map((r) => {
      const ctr = clickThroughRate(r.impressions, r.clicks);
      return [r.day, r.lineItemId, r.zone, r.impressions, r.clicks, ctr === null ? "" : ctr.toFixed(2)];
    }),
  ]);
}
