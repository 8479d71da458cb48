import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    out[key] ??= [];
    out[key].push(issue.message);
  }
  return out;
}

/**
 * Every bad field with what is wrong with it, in one line: for answers that have no form
 * to highlight fields in (a JSON error, a refused download).
 */
export function describeFieldErrors(fieldErrors: FieldErrors): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
    .join("; ");
}
