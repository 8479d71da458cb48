import type { FieldErrors } from "@/lib/core/errors";

/** What every server action returns to the page: data, or a message and errors by field. */
export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: string; error: string; fieldErrors: FieldErrors; values?: SubmittedValues };

/** What the person typed, echoed back on failure so the form keeps it (never secrets). */
export type SubmittedValues = Record<string, string | string[]>;

export type ActionFailure = Extract<ActionResult, { ok: false }>;

export type ActionState<T = unknown> = ActionResult<T> | null;
