import type { z } from "zod";
import type { Actor, ActorRole } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { type Ctx, makeCtx, makePublicCtx, type PublicCtx } from "@/lib/core/context";
import { Invalid } from "@/lib/core/errors";
import { describeError } from "./error-map";
import { authorize } from "./run-action";
import { zodFieldErrors } from "./zod-errors";

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

type NextRouteContext = { params?: Promise<Record<string, string | string[]>> };

/**
 * The one shape of a route handler: session → role check → query → verb → response.
 * A verb may answer a Response (a CSV or a file) or data (sent as JSON); any error
 * goes through the one error map, in the route's failure format.
 */
export function route<Q extends z.ZodType>(spec: RouteSpec<Q> | PublicRouteSpec<Q>) {
  return async (request: Request, context: NextRouteContext = {}): Promise<Response> => {
    try {
      const actor: Actor | null = await currentActor();
      const signedIn = spec.roles === "public" ? null : authorize(actor, spec.roles);
      const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) throw new Invalid("Please correct the request.", zodFieldErrors(parsed.error));
      const params = Object.fromEntries(
        Object.entries((await context.params) ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const args = { query: parsed.data, params, request };
      const result =
        spec.roles === "public"
          ? await spec.run({ ...args, ctx: makePublicCtx(actor) })
          : await spec.run({ ...args, ctx: makeCtx(signedIn as Actor) });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return failureResponse(error, spec.failures ?? "json");
    }
  };
}

/** A refusal in the route's format: status, message and the fields at fault. */
export function failureResponse(error: unknown, format: "json" | "text"): Response {
  const { status, message, fieldErrors } = describeError(error);
  if (format === "json") return Response.json({ error: message, fieldErrors }, { status });
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** A CSV attachment that is never cached and never sniffed as something else. */
export function csvResponse(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
