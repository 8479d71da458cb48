import { z } from "zod";
import { calendarDayIn } from "@/lib/core/days";
import { parseListParams } from "@/lib/core/list-params";
import { allStaff } from "@/lib/core/roles";
import { toCsv } from "@/lib/format/to-csv";
import { route } from "@/lib/http/route";
import { csvResponse } from "@/lib/http/run-route";
import { reportSales, salesReportCsv, salesReportSorts } from "@/lib/sales/report-sales";
import { salesExportFiltersFromParams, salesReportFromParams } from "@/lib/sales/sales-filters";

/**
 * The sales report on screen (?by=, the panel's filters, the sort) as CSV, a total per
 * currency last; a filter that does not parse is a 422 naming it. Staff of the publisher only.
 */
export const GET = route({
  roles: allStaff,
  failures: "text",
  query: z.record(z.string(), z.string()),
  run: async ({ ctx, request }) => {
    const params = new URL(request.url).searchParams;
    const filters = salesExportFiltersFromParams(params);
    const by = salesReportFromParams(params);
    const { sort } = parseListParams(params, {
      sortable: salesReportSorts,
      defaultSort: { id: "net", dir: "desc" },
    });
    const report = await reportSales(ctx, { ...filters, by, sort: sort.id, dir: sort.dir });
    const day = calendarDayIn(ctx.now, "UTC");
    return csvResponse(toCsv(salesReportCsv(report)), `sales-by-${by}-${day}.csv`);
  },
});
