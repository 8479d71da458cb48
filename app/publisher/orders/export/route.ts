import { z } from "zod";
import { calendarDayIn } from "@/lib/core/days";
import { allStaff } from "@/lib/core/roles";
import { route } from "@/lib/http/route";
import { csvStreamResponse } from "@/lib/http/run-route";
import { orderExportHeader, orderExportRows } from "@/lib/orders/list-orders-export";
import { orderExportFiltersFromParams } from "@/lib/orders/list-orders-params";

/**
 * The orders list as CSV, with the list's filters and sort (up to orderExportLimit rows),
 * streamed a chunk at a time; a filter that does not parse is a 422 naming it. Staff of
 * the publisher only.
 */
export const GET = route({
  roles: allStaff,
  failures: "text",
  query: z.record(z.string(), z.string()),
  run: ({ ctx, request }) => {
    const filters = orderExportFiltersFromParams(new URL(request.url).searchParams);
    const day = calendarDayIn(ctx.now, "UTC");
    return csvStreamResponse(orderExportHeader, orderExportRows(ctx, filters), `orders-${day}.csv`);
  },
});
