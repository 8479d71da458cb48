import { submittedValues } from "@/lib/http/form-data";
import type { ActionFailure } from "@/lib/http/result";

export const networkFailureMessage = "Your change did not go through — check your connection and try again.";

/**
 * Whether a server action failed before reaching the server: the browser's fetch rejects
 * with a TypeError ("Failed to fetch" in Chromium, "NetworkError…" in Firefox, "Load
 * failed" in Safari). Nothing was saved, so trying again is safe.
 */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
}

/** The failure a form shows in place of the answer that never came, keeping what was typed. */
export function networkFailure(form?: FormData): ActionFailure {
  return {
    ok: false,
    code: "network",
    error: networkFailureMessage,
    fieldErrors: {},
    values: form ? submittedValues(form) : undefined,
  };
}
