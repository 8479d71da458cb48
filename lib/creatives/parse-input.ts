import type { z } from "zod";
import { Invalid } from "@/lib/core/errors";
import { zodFieldErrors } from "@/lib/http/zod-errors";

/**
 * Verbs parse their own input, so a call from anywhere (an action, the API, a test)
 * gets the same checks and the same field-named errors as the form.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Invalid("Please correct the highlighted fields.", zodFieldErrors(parsed.error));
  return parsed.data;
}
