import type { z } from "zod";
import { type Actor, type ActorRole, actorRole } from "@/lib/auth/actor";
import { type Ctx, makeCtx } from "@/lib/core/context";
import { Forbidden, Invalid, Unauthenticated } from "@/lib/core/errors";
import { formDataToObject, submittedValues } from "./form-data";
import type { ActionResult } from "./result";
import { errorToActionResult } from "./to-action-result";
import { zodFieldErrors } from "./zod-errors";

export type ActionSpec<S extends z.ZodType, R> = {
  input: S;
  /** Who may call it; "public" means no session needed (sign-in, sign-up). */
  roles: readonly ActorRole[] | "public";
  run: (args: { ctx: Ctx | null; input: z.infer<S> }) => Promise<R>;
  /** Optional success message for the toast. */
  message?: (result: R) => string;
};

/** Rethrows what Next.js uses for control flow (redirect, notFound) so it is not reported as a failure. */
export type Rethrow = (error: unknown) => void;

/**
 * session → role check → zod input → verb → typed result. The caller resolves the
 * actor; this function never trusts anything the client sent beyond `raw`.
 */
export async function runAction<S extends z.ZodType, R>(
  spec: ActionSpec<S, R>,
  raw: unknown,
  actor: Actor | null,
  rethrow: Rethrow = () => {},
): Promise<ActionResult<R>> {
  try {
    if (spec.roles !== "public") {
      if (!actor) throw new Unauthenticated();
      if (!spec.roles.includes(actorRole(actor))) throw new Forbidden();
    }
    const parsed = spec.input.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) {
      throw new Invalid("Please correct the highlighted fields.", zodFieldErrors(parsed.error));
    }
    const ctx = actor ? makeCtx(actor) : null;
    const data = await spec.run({ ctx, input: parsed.data });
    return { ok: true, data, message: spec.message?.(data) };
  } catch (error) {
    rethrow(error);
    return { ...errorToActionResult(error), values: submittedValues(raw) };
  }
}
