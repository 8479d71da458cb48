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

/** "12.5" (or "12,5", "12.5 %") percent as basis points (1250), or null; zero only when `allowZero`. */
export function percentBasisPoints(value: string, { allowZero = false } = {}): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(value.trim().replace(/%$/, "").trim());
  if (!match) return null;
  const points = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return (allowZero ? points >= 0 : points > 0) && points <= 10_000 ? points : null;
}
