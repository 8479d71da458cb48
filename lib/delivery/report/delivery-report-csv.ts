import type { Ctx } from "@/lib/core/context";
import type { CsvValue } from "@/lib/format/to-csv";
import { type DeliveryReport, deliveryReport } from "./delivery-report";
import type { DeliveryReportInput, ReportGrouping } from "./delivery-report-input";
import type { DeliveryReportRow } from "./report-row";

const decimal = (value: number | null) => (value === null ? "" : value.toFixed(2));

const nameColumns: Record<
  ReportGrouping,
  { header: string[]; cells: (row: DeliveryReportRow) => CsvValue[] }
> = {
  day: { header: ["date"], cells: (r) => [r.key] },
  line_item: {
    header: ["line_item_id", "order_id", "order", "zone", "property", "advertiser"],
    cells: (r) => [r.id, r.orderId, r.order, r.zone, r.property, r.advertiser],
  },
  zone: { header: ["zone_id", "zone", "property"], cells: (r) => [r.id, r.zone, r.property] },
  property: { header: ["property_id", "property"], cells: (r) => [r.id, r.property] },
  advertiser: { header: ["advertiser_id", "advertiser"], cells: (r) => [r.id, r.advertiser] },
};

const countHeader = ["impressions", "clicks", "ctr_percent", "conversions"];
const bookedHeader = [
  "booked_line_items",
  "booked_impressions",
  "booked_clicks",
  "booked_days",
  "delivered_impressions",
  "delivered_clicks",
  "delivered_days",
  "delivered_percent",
  "expected_percent",
  "pacing_percent",
  "pacing",
];

/** The report's table as CSV rows, header first, in the table's order (no totals row). */
export function deliveryReportCsvTable(report: Pick<DeliveryReport, "group" | "rows">): CsvValue[][] {
  const names = nameColumns[report.group];
  const withBooked = report.group !== "day";
  return [
    [...names.header, ...countHeader, ...(withBooked ? bookedHeader : [])],
    ...report.rows.map((r) => [
      ...names.cells(r),
      r.impressions,
      r.clicks,
      decimal(r.ctr),
      r.conversions,
      ...(withBooked
        ? [
            r.lineItems,
            r.booked?.impressions ?? "",
            r.booked?.clicks ?? "",
            r.booked?.days ?? "",
            r.delivered?.impressions ?? "",
            r.delivered?.clicks ?? "",
            r.delivered?.days ?? "",
            decimal(r.deliveredPercent),
            decimal(r.expectedPercent),
            decimal(r.pacingPercent),
            r.pacing ?? "",
          ]
        : []),
    ]),
  ];
}

/**
 * The CSV export's rows: the same report, with the same scoping, as the page shows
 * for these options, every row rather than one page.
 */
export async function deliveryReportCsvRows(ctx: Ctx, input: DeliveryReportInput) {
  const report = await deliveryReport(ctx, input);
  return { report, rows: deliveryReportCsvTable(report) };
}
