"use client";

import { startTransition, useActionState, useId, useRef } from "react";
import { oversizedUpload } from "@/lib/http/oversized-upload";
import type { ActionState } from "@/lib/http/result";
import { actionResultToast } from "./action-toast";
import { callAction } from "./call-action";
import { dismissToast, showToast } from "./toast";
import { toastId } from "./toast-rules";

type ServerAction<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/**
 * A form bound to a server action: its latest result, errors by field, the values to
 * put back after a failure (React resets a form after its action runs), and a toast
 * for each result when `toast` is set.
 */
export function useActionForm<T>(
  action: ServerAction<T>,
  options: { toast?: boolean; success?: string } = {},
) {
  // The form's toasts share a key: a new error replaces the last, a success closes it.
  const key = useId();
  const resend = useRef<(form: FormData) => void>(() => {});
  // Toast when the action answers, not on the next render: revalidation may unmount this form.
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(async (prev, form) => {
    const retry = () => resend.current(form);
    const result =
      oversizedUpload(form) ?? (await callAction(() => action(prev, form), { form, retry, key }));
    const input = options.toast ? actionResultToast(result, options.success) : null;
    if (input) showToast({ ...input, key });
    else if (result?.ok) dismissToast(toastId("error", key, 0));
    return result;
  }, null);
  resend.current = (form) => startTransition(() => formAction(form));
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  return {
    state,
    formAction,
    pending,
    errors: failed?.fieldErrors ?? {},
    /** The previously submitted text of a field, for defaultValue. */
    value: (name: string) => {
      const v = values[name];
      return Array.isArray(v) ? v[0] : v;
    },
    /** Whether a checkbox value was among those submitted. */
    checked: (name: string, option: string) => {
      const v = values[name];
      return Array.isArray(v) ? v.includes(option) : v === option;
    },
  };
}
