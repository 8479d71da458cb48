import { actorRoute } from "@/lib/actions/actor-route";
import { csvDownload, errorToTextResponse, textFailure } from "@/lib/actions/download-response";
import { makeCtx } from "@/lib/context";
import { toCsv } from "@/lib/format";
import { orderExportHeader, orderExportRows } from "@/lib/orders/list-orders-export";
import { orderExportFiltersFromParams } from "@/lib/orders/list-orders-params";

/**
 * The orders list as CSV, with the list's filters and sort (up to orderExportLimit rows),
 * streamed a chunk at a time; a filter that does not parse is a 422 naming it. Staff of
 * the publisher only; it authorizes by itself.
 */
export const GET = actorRoute(async (actor, request) => {
  if (!actor) return textFailure(401, "Please sign in to continue.");
  if (actor.kind !== "staff") return textFailure(403, "Only the publisher's team can export orders.");
  const ctx = makeCtx(actor);
  let chunks: ReturnType<typeof orderExportRows>;
  let first: Awaited<ReturnType<typeof chunks.next>>;
  // The first chunk is read before answering, so a refusal is still a proper status code.
  try {
    chunks = orderExportRows(ctx, orderExportFiltersFromParams(new URL(request.url).searchParams));
    first = await chunks.next();
  } catch (error) {
    return errorToTextResponse(error);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(toCsv([orderExportHeader])));
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(toCsv(first.value)));
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(toCsv(next.value)));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = ctx.now.toISOString().slice(0, 10);
  return csvDownload(stream, `orders-${day}.csv`);
});
