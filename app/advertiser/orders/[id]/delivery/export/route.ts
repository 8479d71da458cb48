import { z } from "zod";
import { actorRoute } from "@/lib/actions/actor-route";
import { csvDownload, errorToTextResponse, textFailure } from "@/lib/actions/download-response";
import { parseQuery } from "@/lib/actions/zod-errors";
import { deliveryCsv } from "@/lib/booking/delivery-csv";
import { getDeliveryReport } from "@/lib/booking/get-delivery-report";
import { makeCtx } from "@/lib/context";
import { optionalId, parseId } from "@/lib/core/validation";

const exportQuery = z.object({ lineItem: optionalId() });

/**
 * The delivery report's daily rows as CSV, for the order's own advertiser only; it
 * authorizes by itself (route handlers do not pass through the portal's layout).
 */
export const GET = actorRoute<{ id: string }>(async (actor, request, params) => {
  if (!actor) return textFailure(401, "Please sign in to continue.");
  if (actor.kind !== "advertiser") return textFailure(403, "This export is for the order's advertiser.");
  const id = parseId(params.id);
  if (id === null) return textFailure(404, "That order was not found.");
  try {
    const { lineItem: lineItemId } = parseQuery(exportQuery, request);
    const report = await getDeliveryReport(makeCtx(actor), id, { lineItemId });
    const suffix = lineItemId ? `-line-item-${lineItemId}` : "";
    return csvDownload(deliveryCsv(report), `order-${id}${suffix}-delivery.csv`);
  } catch (error) {
    return errorToTextResponse(error);
  }
});
