import { Invalid } from "@/lib/core/errors";
import { currencyMinorDigits } from "@/lib/format/currency-digits";

/**
 * "1,250.50" in `currency` as whole minor units (125050), without passing through a
 * float. Anything else is an Invalid naming `field`.
 */
export function parseMoneyInput(text: string, currency: string, field: string): number {
  const digits = currencyMinorDigits(currency);
  const cleaned = text.trim().replaceAll(",", "");
  const pattern = digits > 0 ? new RegExp(`^(\\d{1,13})(?:\\.(\\d{1,${digits}}))?$`) : /^(\d{1,15})$/;
  const match = pattern.exec(cleaned);
  if (!match) {
    const example = digits > 0 ? `1250.${"0".repeat(digits)}` : "1250";
    const message = `Enter an amount in ${currency}, like ${example}.`;
    throw new Invalid(message, { [field]: [message] });
  }
  const minor =
    BigInt(match[1]) * 10n ** BigInt(digits) + BigInt((match[2] ?? "").padEnd(digits, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Invalid("That amount is too large.", { [field]: ["That amount is too large."] });
  }
  return Number(minor);
}

/**
 * Why a quoted price is refused, or null: the rule sendQuote applies, which the send
 * quote form also checks as it is typed.
 */
export function quotedPriceProblem(text: string, currency: string): string | null {
  try {
    return parseMoneyInput(text, currency, "price") <= 0 ? "The price must be above zero." : null;
  } catch (error) {
    if (error instanceof Invalid) return error.message;
    throw error;
  }
}
