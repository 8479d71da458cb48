import { ZodError } from "zod";
import { DomainError, type FieldErrors, InsufficientInventory } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { zodFieldErrors } from "./zod-errors";

/** What any caller (server action, route, page, REST API) tells the person about a failure. */
export type ErrorReport = { status: number; code: string; message: string; fieldErrors: FieldErrors };

const internal: ErrorReport = {
  status: 500,
  code: "internal",
  message: "Something went wrong on our side. Nothing was changed; please try again.",
  fieldErrors: {},
};

/**
 * The one map from errors to what people see. Domain errors keep their status, message
 * and field errors; anything else is a bug: logged here, and its message never leaks.
 */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof InsufficientInventory) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      fieldErrors: {
        inventory: error.shortfalls.map(
          (s) => `${s.day} ${s.country}: requested ${s.requested}, available ${s.available}`,
        ),
      },
    };
  }
  // Verbs parse their own input: a schema refusing it is the caller's mistake. The message
  // names the fields (a route or API answer has no form to highlight them in); each
  // field's own message stays in fieldErrors, shown next to the field, not twice.
  if (error instanceof ZodError) {
    const fieldErrors = zodFieldErrors(error);
    const fields = Object.keys(fieldErrors);
    const message = `Please correct ${fields.length === 1 ? "this field" : "these fields"}: ${fields.join(", ")}.`;
    return { status: 422, code: "invalid", message, fieldErrors };
  }
  if (error instanceof DomainError) {
    return { status: error.status, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  logger.error({ err: error }, "unexpected error");
  return internal;
}
