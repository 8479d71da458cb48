import type { z } from "zod";
import type { FieldErrors } from "@/lib/core/errors";

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    out[key] ??= [];
    out[key].push(issue.message);
  }
  return out;
}
