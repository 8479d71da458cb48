import { z } from "zod";
import { NotFound } from "@/lib/core/errors";
import { optionalId, parseId } from "@/lib/core/validation";
import { getOrderDelivery } from "@/lib/delivery/report/get-order-delivery";
import { orderDeliveryCsv } from "@/lib/delivery/report/order-delivery-csv";
import { route } from "@/lib/http/route";
import { csvResponse } from "@/lib/http/run-route";

/** The order's delivery rows as CSV, for the order's own advertiser only. */
export const GET = route({
  roles: ["advertiser"],
  failures: "text",
  query: z.object({ lineItem: optionalId() }),
  run: async ({ ctx, query, params }) => {
    const id = parseId(params.id);
    if (id === null) throw new NotFound("That order");
    const delivery = await getOrderDelivery(ctx, id, { lineItemId: query.lineItem });
    const suffix = query.lineItem ? `-line-item-${query.lineItem}` : "";
    return csvResponse(orderDeliveryCsv(delivery), `order-${id}${suffix}-delivery.csv`);
  },
});
