"use client";

import { type FormEvent, startTransition, useActionState, useId, useRef } from "react";
import { oversizedUpload } from "@/lib/http/oversized-upload";
import type { ActionState } from "@/lib/http/result";
import { actionResultToast } from "./action-toast";
import { callAction } from "./call-action";
import { dismissToast, showToast } from "./toast";
import { toastId } from "./toast-rules";

type ServerAction<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/**
 * A form bound to a server action: its latest result, errors by field, the values the
 * server echoed back, and a toast for each result when `toast` is set.
 *
 * Bind it with `<form onSubmit={onSubmit}>`, not `action=`: React resets a form after its
 * `action` runs, which blanks every uncontrolled field (and every picked file) after an
 * error. Submitting from onSubmit inside a transition keeps what the browser shows, so
 * what is on screen is what the next submit sends; `useFormStatus` still sees it pending.
 * The form is reset only after a success.
 */
export function useActionForm<T>(
  action: ServerAction<T>,
  options: { toast?: boolean; success?: string } = {},
) {
  // The form's toasts share a key: a new error replaces the last, a success closes it.
  const key = useId();
  const resend = useRef<(form: FormData) => void>(() => {});
  const submitted = useRef<HTMLFormElement | null>(null);
  // Toast when the action answers, not on the next render: revalidation may unmount this form.
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(async (prev, form) => {
    const retry = () => resend.current(form);
    const result =
      oversizedUpload(form) ?? (await callAction(() => action(prev, form), { form, retry, key }));
    const input = options.toast ? actionResultToast(result, options.success) : null;
    if (input) showToast({ ...input, key });
    else if (result?.ok) dismissToast(toastId("error", key, 0));
    if (result?.ok) submitted.current?.reset();
    return result;
  }, null);
  resend.current = (form) => startTransition(() => formAction(form));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    submitted.current = form;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(form, submitter);
    startTransition(() => formAction(data));
  };
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  return {
    state,
    /** Put on the form: `<form onSubmit={onSubmit}>`. */
    onSubmit,
    /** For a form without fields to keep (a single button); prefer onSubmit. */
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
