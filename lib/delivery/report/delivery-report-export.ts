import { z } from "zod";
import { allStaff } from "@/lib/core/roles";
import { toCsv } from "@/lib/format/to-csv";
import { csvResponse, type RouteSpec } from "@/lib/http/run-route";
import { deliveryReportCsvRows } from "./delivery-report-csv";
import {
  advertiserReportGroupings,
  deliveryReportInputFromParams,
  type ReportGrouping,
  reportGroupings,
} from "./delivery-report-input";

function deliveryReportExport(
  roles: RouteSpec<z.ZodType>["roles"],
  groupings: readonly ReportGrouping[],
): RouteSpec<z.ZodType> {
  return {
    roles,
    failures: "text",
    // The report reads its options leniently (unknown sorts fall back), as its page does.
    query: z.record(z.string(), z.string()),
    run: async ({ ctx, request }) => {
      const { input } = deliveryReportInputFromParams(new URL(request.url).searchParams, { groupings });
      const { report, rows } = await deliveryReportCsvRows(ctx, input);
      const name = `delivery-by-${report.group.replace("_", "-")}-${report.from}-to-${report.to}.csv`;
      return csvResponse(toCsv(rows), name);
    },
  };
}

/** The desk's delivery report table as CSV, with the page's dates, grouping and sort. */
export const deskDeliveryReportExport = deliveryReportExport(allStaff, reportGroupings);

/** The advertiser portal's report table as CSV; the report scopes the rows to their orders. */
export const advertiserDeliveryReportExport = deliveryReportExport(["advertiser"], advertiserReportGroupings);
