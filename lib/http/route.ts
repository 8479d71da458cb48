import type { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { type PublicRouteSpec, type RouteSpec, runRoute } from "./run-route";

type NextRouteContext = { params?: Promise<Record<string, string | string[]>> };
type NextRouteHandler = (request: Request, context?: NextRouteContext) => Promise<Response>;

/**
 * The one shape of a route handler: session → role check → query → verb → response.
 * A verb may answer a Response (a CSV or a file) or data (sent as JSON); any error
 * goes through the one error map, in the route's failure format.
 */
export function route<Q extends z.ZodType>(spec: RouteSpec<Q>): NextRouteHandler;
export function route<Q extends z.ZodType>(spec: PublicRouteSpec<Q>): NextRouteHandler;
export function route<Q extends z.ZodType>(spec: RouteSpec<Q> | PublicRouteSpec<Q>): NextRouteHandler {
  return async (request: Request, context: NextRouteContext = {}): Promise<Response> => {
    const params = Object.fromEntries(
      Object.entries((await context.params) ?? {}).map(([k, v]) => [k, String(v)]),
    );
    return runRoute(spec, { request, params, actor: await currentActor() });
  };
}
