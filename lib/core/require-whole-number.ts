import { invalidField } from "@/lib/core/errors";

/**
 * Rates, quantities, days and capacities are whole numbers. A fraction, NaN or a
 * number past 2^53 would silently corrupt integer money math, so it is refused here
 * with the offending field named.
 */
export function requireWholeNumber(
  field: string,
  value: unknown,
  { min = 1, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {},
): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw invalidField(field, `The ${field} must be a whole number.`);
  }
  if (value < min) throw invalidField(field, `The ${field} must be at least ${min}.`);
  if (value > max) throw invalidField(field, `The ${field} must be at most ${max.toLocaleString("en-US")}.`);
  return value;
}
