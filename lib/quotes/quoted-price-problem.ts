import { Invalid } from "@/lib/core/errors";
import { parseMoney } from "@/lib/money/parse-money";

/**
 * Why a quoted price is refused, or null: the rule sendQuote applies, which the send
 * quote form also checks as it is typed.
 */
export function quotedPriceProblem(text: string, currency: string): string | null {
  try {
    return parseMoney(text, currency, "price") <= 0 ? "The price must be above zero." : null;
  } catch (error) {
    if (error instanceof Invalid) return error.message;
    throw error;
  }
}
