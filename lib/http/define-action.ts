import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import type { ActionState } from "./result";
import { type ActionSpec, type PublicActionSpec, runAction } from "./run-action";

type Revalidate = { revalidate?: string[] };

type AnySpec = ActionSpec<z.ZodType, unknown> | PublicActionSpec<z.ZodType, unknown>;

// Kept beside each action so the input fuzz test can run every action's spec as any actor.
const specs = new WeakMap<object, AnySpec>();

/**
 * Wraps a verb as a server action usable with useActionState (prev, formData) or
 * called directly with an object. Every call authenticates and authorizes by itself:
 * a server action is a public endpoint.
 */
export function defineAction<S extends z.ZodType, R>(spec: ActionSpec<S, R> & Revalidate) {
  return serverAction<S, R>(spec);
}

/** The same for actions that need no session (sign-in, sign-up, password reset). */
export function definePublicAction<S extends z.ZodType, R>(spec: PublicActionSpec<S, R> & Revalidate) {
  return serverAction<S, R>(spec);
}

function serverAction<S extends z.ZodType, R>(
  spec: (ActionSpec<S, R> | PublicActionSpec<S, R>) & Revalidate,
) {
  const action = async (_prev: ActionState<R>, raw: FormData | z.input<S>) => {
    const result = await runAction(spec, raw, await currentActor(), unstable_rethrow);
    if (result.ok) for (const path of spec.revalidate ?? []) revalidatePath(path, "layout");
    return result;
  };
  specs.set(action, spec as unknown as AnySpec);
  return action;
}

/** The spec an action was defined with, or undefined for anything else. */
export function actionSpecOf(action: unknown): AnySpec | undefined {
  return typeof action === "function" ? specs.get(action) : undefined;
}
