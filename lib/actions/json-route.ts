import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { actorRoute } from "./actor-route";
import { parseQuery } from "./zod-errors";

/**
 * A GET route handler answering JSON from search params: 4xx with a message naming
 * each bad field, and the errors by field, for bad input; never a stack trace.
 */
export function jsonQueryRoute<S extends z.ZodType, R>(
  input: S,
  run: (actor: Actor | null, input: z.infer<S>) => Promise<R>,
) {
  return actorRoute(async (actor, request) => {
    try {
      return Response.json(await run(actor, parseQuery(input, request)));
    } catch (error) {
      if (error instanceof DomainError) {
        return Response.json(
          { error: error.message, fieldErrors: error.fieldErrors },
          { status: error.status },
        );
      }
      console.error(error);
      return Response.json({ error: "Something went wrong on our side." }, { status: 500 });
    }
  });
}
