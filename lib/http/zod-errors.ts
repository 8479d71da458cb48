import type { z } from "zod";
import { type FieldErrors, Invalid } from "@/lib/core/errors";

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

/** A refused request whose message names every bad field (query strings, JSON bodies). */
export function invalidRequest(error: z.ZodError, intro = "Please correct the request."): Invalid {
  const fieldErrors = zodFieldErrors(error);
  return new Invalid(`${intro} ${describeFieldErrors(fieldErrors)}`, fieldErrors);
}

/** A request's query string read with `schema`, or an Invalid naming each bad parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}
