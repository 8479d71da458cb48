import { ZodError } from "zod";
import { DomainError, type FieldErrors, InsufficientInventory } from "@/lib/core/errors";
import { invalidRequest } from "./zod-errors";

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
  // Verbs parse their own input: a schema refusing it is the caller's mistake, and the
  // message names each field (a route or API answer has no form to highlight them in).
  if (error instanceof ZodError) {
    const { message, fieldErrors } = invalidRequest(error, "Please correct these fields.");
    return { status: 422, code: "invalid", message, fieldErrors };
  }
  if (error instanceof DomainError) {
    return { status: error.status, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  console.error(error);
  return internal;
}
