import { currentActor } from "@/lib/auth/current-actor";
import { deliveryCsv } from "@/lib/booking/delivery-csv";
import { getDeliveryReport } from "@/lib/booking/get-delivery-report";
import { makeCtx } from "@/lib/context";
import { DomainError } from "@/lib/errors";

function failure(status: number, message: string) {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * The delivery report's daily rows as CSV, for the order's own advertiser only; it
 * authorizes by itself (route handlers do not pass through the portal's layout).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return failure(401, "Please sign in to continue.");
  if (actor.kind !== "advertiser") return failure(403, "This export is for the order's advertiser.");
  const id = Number((await params).id);
  const lineItem = new URL(request.url).searchParams.get("lineItem");
  const lineItemId = lineItem ? Number(lineItem) : undefined;
  if (
    !Number.isInteger(id) ||
    id <= 0 ||
    (lineItemId !== undefined && !(Number.isInteger(lineItemId) && lineItemId > 0))
  ) {
    return failure(404, "That order was not found.");
  }
  try {
    const report = await getDeliveryReport(makeCtx(actor), id, { lineItemId });
    const suffix = lineItemId ? `-line-item-${lineItemId}` : "";
    return new Response(deliveryCsv(report), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="order-${id}${suffix}-delivery.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return failure(error.status, error.message);
    console.error(error);
    return failure(500, "Something went wrong on our side; please try again.");
  }
}
