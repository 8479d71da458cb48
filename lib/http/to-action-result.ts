import { DomainError, InsufficientInventory } from "@/lib/core/errors";
import type { ActionFailure } from "./result";

/** The one place errors become what a user sees. Unknown errors never leak their message. */
export function errorToActionResult(error: unknown): ActionFailure {
  if (error instanceof InsufficientInventory) {
    return {
      ok: false,
      code: error.code,
      error: error.message,
      fieldErrors: {
        inventory: error.shortfalls.map(
          (s) => `${s.day} ${s.country}: requested ${s.requested}, available ${s.available}`,
        ),
      },
    };
  }
  if (error instanceof DomainError) {
    return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
  }
  console.error(error);
  return {
    ok: false,
    code: "internal",
    error: "Something went wrong on our side. Nothing was changed; please try again.",
    fieldErrors: {},
  };
}
