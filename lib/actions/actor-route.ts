import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";

type Params = Record<string, string | string[]>;

/** A route handler's body, given who is asking: what tests run directly as any actor. */
export type ActorRouteHandler<P extends Params> = (
  actor: Actor | null,
  request: Request,
  params: P,
) => Promise<Response>;

const handlers = new WeakMap<object, ActorRouteHandler<Params>>();

/**
 * A route handler that authorizes by itself (route handlers do not pass through the
 * layouts that check the session): the signed-in actor is looked up here and handed to
 * `handler`, which is also kept for routeHandlerOf.
 */
export function actorRoute<P extends Params = Record<string, never>>(handler: ActorRouteHandler<P>) {
  // Next.js passes no params at all to a route without dynamic segments.
  const route = async (request: Request, context: { params: Promise<P> }) =>
    handler(await currentActor(), request, ((await context.params) ?? {}) as P);
  handlers.set(route, handler as unknown as ActorRouteHandler<Params>);
  return route;
}

/** The handler behind a route made with actorRoute, for tests. */
export function routeHandlerOf(route: unknown): ActorRouteHandler<Params> | undefined {
  return typeof route === "function" ? handlers.get(route) : undefined;
}
