import type { FieldErrors } from "@/lib/errors";

/** What every server action returns to the page: data, or a message and errors by field. */
export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: string; error: string; fieldErrors: FieldErrors };

export type ActionState<T = unknown> = ActionResult<T> | null;
