import type { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { type PublicRouteSpec, type RouteSpec, runRoute } from "./run-route";

type NextRouteContext = { params?: Promise<Record<string, string | string[]>> };
type NextRouteHandler = (request: Request, context?: NextRouteContext) => Promise<Response>;
type AnyRouteSpec = RouteSpec<z.ZodType> | PublicRouteSpec<z.ZodType>;

// Kept beside each handler so the input fuzz test can run every route's spec as any actor.
const specs = new WeakMap<object, AnyRouteSpec>();

/**
 * The one shape of a route handler: session → role check → query → verb → response.
 * A verb may answer a Response (a CSV or a file) or data (sent as JSON); any error
 * goes through the one error map, in the route's failure format.
 */
export function route<Q extends z.ZodType>(spec: RouteSpec<Q>): NextRouteHandler;
export function route<Q extends z.ZodType>(spec: PublicRouteSpec<Q>): NextRouteHandler;
export function route<Q extends z.ZodType>(spec: RouteSpec<Q> | PublicRouteSpec<Q>): NextRouteHandler {
  const handler = async (request: Request, context: NextRouteContext = {}): Promise<Response> => {
    const params = Object.fromEntries(
      Object.entries((await context.params) ?? {}).map(([k, v]) => [k, String(v)]),
    );
    return runRoute(spec, { request, params, actor: await currentActor() });
  };
  specs.set(handler, spec as AnyRouteSpec);
  return handler;
}

/** The spec a route handler was made from, or undefined for anything else. */
export function routeSpecOf(handler: unknown): AnyRouteSpec | undefined {
  return typeof handler === "function" ? specs.get(handler) : undefined;
}
