import { currentActor } from "@/lib/auth/current-actor";
import { makeCtx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { toCsv } from "@/lib/format";
import { orderExportHeader, orderExportRows } from "@/lib/orders/list-orders-export";
import { listOrdersInputFromParams } from "@/lib/orders/list-orders-params";

function failure(status: number, message: string) {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * The orders list as CSV, with the list's filters and sort (up to orderExportLimit rows),
 * streamed a chunk at a time. Staff of the publisher only; it authorizes by itself.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return failure(401, "Please sign in to continue.");
  if (actor.kind !== "staff") return failure(403, "Only the publisher's team can export orders.");
  const {
    page: _page,
    pageSize: _pageSize,
    ...filters
  } = listOrdersInputFromParams(new URL(request.url).searchParams);
  const ctx = makeCtx(actor);
  const chunks = orderExportRows(ctx, filters);
  // The first chunk is read before answering, so a refusal is still a proper status code.
  let first: Awaited<ReturnType<typeof chunks.next>>;
  try {
    first = await chunks.next();
  } catch (error) {
    if (error instanceof DomainError) return failure(error.status, error.message);
    console.error(error);
    return failure(500, "Something went wrong on our side; please try again.");
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
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
