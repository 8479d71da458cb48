import { z } from "zod";
import { deliveryCsv } from "@/lib/booking/delivery-csv";
import { getDeliveryReport } from "@/lib/booking/get-delivery-report";
import { NotFound } from "@/lib/core/errors";
import { optionalId, parseId } from "@/lib/core/validation";
import { route } from "@/lib/http/route";
import { csvResponse } from "@/lib/http/run-route";

/** The delivery report's daily rows as CSV, for the order's own advertiser only. */
export const GET = route({
  roles: ["advertiser"],
  failures: "text",
  query: z.object({ lineItem: optionalId() }),
  run: async ({ ctx, query, params }) => {
    const id = parseId(params.id);
    if (id === null) throw new NotFound("That order");
    const report = await getDeliveryReport(ctx, id, { lineItemId: query.lineItem });
    const suffix = query.lineItem ? `-line-item-${query.lineItem}` : "";
    return csvResponse(deliveryCsv(report), `order-${id}${suffix}-delivery.csv`);
  },
});
