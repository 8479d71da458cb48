"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/result";
import { useActionToast } from "./use-action-toast";

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
  const [state, formAction, pending] = useActionState(action, null);
  useActionToast(options.toast ? state : null, options.success);
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
