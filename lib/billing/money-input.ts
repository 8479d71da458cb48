import { Invalid } from "@/lib/core/errors";
import { text } from "@/lib/core/validation";

/**
 * The hidden key each payment or refund form carries, made when the form is drawn: the
 * same key twice is the same request (a double click, a retry after a timeout).
 */
export const idempotencyKey = () =>
  text({ min: 8, max: 100, required: "This form is out of date: reload the page and try again." });

export function fieldError(field: string, message: string) {
  return new Invalid(message, { [field]: [message] });
}

/** The same key with different content: a different request, refused (409). */
export const reusedKey =
  "This form was already submitted with different details. Reload the page to record another one.";

export const moneyText = (required: string) => text({ min: 1, max: 40, required });
