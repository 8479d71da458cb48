import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { DomainError, Invalid } from "@/lib/core/errors";
import { zodFieldErrors } from "./zod-errors";

/**
 * A GET route handler answering JSON from search params: 4xx with the message and
 * field errors for bad input, never a stack trace.
 */
export function jsonQueryRoute<S extends z.ZodType, R>(
  input: S,
  run: (actor: Actor | null, input: z.infer<S>) => Promise<R>,
) {
  return async (request: Request) => {
    try {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const parsed = input.safeParse(params);
      if (!parsed.success) throw new Invalid("Please correct the request.", zodFieldErrors(parsed.error));
      return Response.json(await run(await currentActor(), parsed.data));
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
  };
}
