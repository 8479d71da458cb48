import type { z } from "zod";
import { type Actor, type ActorRole, actorRole } from "@/lib/core/actor";
import { type Ctx, makeCtx, makePublicCtx, type PublicCtx } from "@/lib/core/context";
import { Forbidden, Unauthenticated } from "@/lib/core/errors";
import { describeError } from "./error-map";
import { formDataToObject, submittedValues } from "./form-data";
import type { ActionResult } from "./result";

type SpecBase<S extends z.ZodType, R> = {
  /** The verb's input schema: the shape the form or caller sends. The verb itself parses it. */
  input: S;
  /** Optional success message for the toast. */
  message?: (result: R) => string;
};

/** An action for signed-in people in one of `roles`; its verb always gets an actor. */
export type ActionSpec<S extends z.ZodType, R> = SpecBase<S, R> & {
  roles: readonly ActorRole[];
  run: (args: { ctx: Ctx; input: z.input<S> }) => Promise<R>;
};

/** An action anyone may call (sign-in, sign-up, password reset). */
export type PublicActionSpec<S extends z.ZodType, R> = SpecBase<S, R> & {
  roles: "public";
  run: (args: { ctx: PublicCtx; input: z.input<S> }) => Promise<R>;
};

/** Rethrows what Next.js uses for control flow (redirect, notFound) so it is not reported as a failure. */
export type Rethrow = (error: unknown) => void;

/** Signed in and in one of `roles`, or the matching refusal. */
export function authorize(actor: Actor | null, roles: readonly ActorRole[]): Actor {
  if (!actor) throw new Unauthenticated();
  if (!roles.includes(actorRole(actor))) throw new Forbidden();
  return actor;
}

/**
 * session → role check → zod input → verb → typed result. The caller resolves the
 * actor; this function never trusts anything the client sent beyond `raw`.
 */
export async function runAction<S extends z.ZodType, R>(
  spec: ActionSpec<S, R> | PublicActionSpec<S, R>,
  raw: unknown,
  actor: Actor | null,
  rethrow: Rethrow = () => {},
): Promise<ActionResult<R>> {
  try {
    const signedIn = spec.roles === "public" ? null : authorize(actor, spec.roles);
    // The verb parses its own input (a ZodError it throws is a 422 naming each field), so
    // the same rules hold whether it is called from here, a route or a test.
    const input = (raw instanceof FormData ? formDataToObject(raw) : raw) as z.input<S>;
    const data =
      spec.roles === "public"
        ? await spec.run({ ctx: makePublicCtx(actor), input })
        : await spec.run({ ctx: makeCtx(signedIn as Actor), input });
    return { ok: true, data, message: spec.message?.(data) };
  } catch (error) {
    rethrow(error);
    const { code, message, fieldErrors } = describeError(error);
    return { ok: false, code, error: message, fieldErrors, values: submittedValues(raw) };
  }
}
