import { currencyMinorDigits } from "./currency-digits";

export type MinorUnits = number | bigint | string;

const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyMinorDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function toBigInt(minorUnits: MinorUnits): bigint {
  if (typeof minorUnits === "bigint") return minorUnits;
  if (typeof minorUnits === "number") {
    if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`Not whole minor units: ${minorUnits}`);
    return BigInt(minorUnits);
  }
  // pg returns bigint columns as strings.
  if (!/^-?\d+$/.test(minorUnits)) throw new RangeError(`Not whole minor units: ${minorUnits}`);
  return BigInt(minorUnits);
}

/** Exact decimal string, so amounts beyond 2^53 never pass through a float. */
function toDecimalString(minorUnits: bigint, digits: number): `${number}` {
  const negative = minorUnits < 0n;
  const abs = (negative ? -minorUnits : minorUnits).toString().padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}` as `${number}`;
}

/** formatMoney(123456, "USD") === "$1,234.56"; formatMoney(1234, "JPY") === "¥1,234". */
export function formatMoney(minorUnits: MinorUnits, currency: string, locale = "en-US"): string {
  const code = currency.toUpperCase();
  return moneyFormatter(code, locale).format(
    toDecimalString(toBigInt(minorUnits), currencyMinorDigits(code)),
  );
}
