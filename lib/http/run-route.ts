import type { z } from "zod";
import type { Actor, ActorRole } from "@/lib/core/actor";
import { type Ctx, type CtxOverrides, makeCtx, makePublicCtx, type PublicCtx } from "@/lib/core/context";
import { type CsvValue, toCsv } from "@/lib/format/to-csv";
import { describeError } from "./error-map";
import { authorize } from "./run-action";
import { invalidRequest } from "./zod-errors";

type RouteArgs<C, Q extends z.ZodType> = {
  ctx: C;
  query: z.infer<Q>;
  params: Record<string, string>;
  request: Request;
};

type RouteBase<Q extends z.ZodType> = {
  /** The query string's schema; a bad value is a 4xx naming the field. */
  query: Q;
  /**
   * How refusals are written: JSON for fetches from the app, plain text for downloads a
   * browser opens as a page.
   */
  failures?: "json" | "text";
};

/** A GET route for signed-in people in one of `roles`. */
export type RouteSpec<Q extends z.ZodType> = RouteBase<Q> & {
  roles: readonly ActorRole[];
  run: (args: RouteArgs<Ctx, Q>) => Promise<Response | object>;
};

/** A GET route anyone may call (the public media kit's availability and prices). */
export type PublicRouteSpec<Q extends z.ZodType> = RouteBase<Q> & {
  roles: "public";
  run: (args: RouteArgs<PublicCtx, Q>) => Promise<Response | object>;
};

/** `route` for a given actor: what tests call. */
export async function runRoute<Q extends z.ZodType>(
  spec: RouteSpec<Q> | PublicRouteSpec<Q>,
  call: { request: Request; actor: Actor | null; params?: Record<string, string> } & CtxOverrides,
): Promise<Response> {
  try {
    const signedIn = spec.roles === "public" ? null : authorize(call.actor, spec.roles);
    const parsed = spec.query.safeParse(Object.fromEntries(new URL(call.request.url).searchParams));
    if (!parsed.success) throw invalidRequest(parsed.error);
    const args = { query: parsed.data, params: call.params ?? {}, request: call.request };
    const overrides = { db: call.db, now: call.now };
    const result =
      spec.roles === "public"
        ? await spec.run({ ...args, ctx: makePublicCtx(call.actor, overrides) })
        : await spec.run({ ...args, ctx: makeCtx(signedIn as Actor, overrides) });
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    return failureResponse(error, spec.failures ?? "json");
  }
}

/** A refusal in the route's format: status, message and the fields at fault. */
export function failureResponse(error: unknown, format: "json" | "text"): Response {
  const { status, message, fieldErrors } = describeError(error);
  if (format === "json") return Response.json({ error: message, fieldErrors }, { status });
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Excel reads a CSV as the system code page unless it starts with a UTF-8 byte order
 * mark, which turns "Café" into "CafÃ©"; every CSV we send starts with one.
 */
export const utf8Bom = "\uFEFF";

/** A CSV attachment that is never cached and never sniffed as something else. Text bodies get the BOM here. */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(typeof body === "string" ? utf8Bom + body : body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A CSV streamed a chunk at a time. The first chunk is read before answering, so a
 * refusal (a verb's error) still becomes a proper status through the error map.
 */
export async function csvStreamResponse(
  header: readonly string[],
  chunks: AsyncGenerator<CsvValue[][], void, undefined>,
  filename: string,
): Promise<Response> {
  const first = await chunks.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(utf8Bom + toCsv([header])));
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
  return csvResponse(stream, filename);
}
