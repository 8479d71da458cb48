import { Invalid } from "@/lib/core/errors";
import { currencyMinorDigits } from "@/lib/format/currency-digits";

/**
 * The one parser for money people type. Whole minor units come out (EUR "12,50" → 1250,
 * USD "1,234.56" → 123456, JPY "1.234" → 1234) without passing through a float.
 *
 * Which mark is the decimal point: when both "," and "." appear, the last one is; when
 * one of them appears several times it groups thousands; when it appears once, it is the
 * decimal point unless exactly three digits follow and the currency has fewer than three
 * minor digits ("1,234" USD is a thousand and more, "1.234" KWD is one dinar and change).
 * A `locale` settles that last case by its own decimal mark. Spaces (also the narrow
 * ones Intl prints) and apostrophes (Swiss grouping) are group marks too.
 */
export function parseMoney(text: string, currency: string, field: string, locale?: string): number {
  const minor = tryParseMoney(text, currency, locale);
  if (minor === "too large") throw invalid(field, "That amount is too large.");
  if (minor === null) throw invalid(field, moneyExample(currency));
  return minor;
}

/** Like parseMoney, for checking as people type: null when it is not an amount. */
export function parseMoneyOrNull(text: string, currency: string, locale?: string): number | null {
  const minor = tryParseMoney(text, currency, locale);
  return typeof minor === "number" ? minor : null;
}

/** "Enter an amount in USD, like 1250.00." — the message every refused amount shows. */
export function moneyExample(currency: string): string {
  const digits = currencyMinorDigits(currency);
  const example = digits > 0 ? `1250.${"0".repeat(digits)}` : "1250";
  return `Enter an amount in ${currency}, like ${example}.`;
}

const groupMarks = /[\s\u00a0\u202f'\u2019]/g;

function tryParseMoney(text: string, currency: string, locale?: string): number | null | "too large" {
  const digits = currencyMinorDigits(currency);
  const cleaned = text.trim().replace(groupMarks, "");
  if (!/^\d[\d.,]*$/.test(cleaned) || /[.,]$/.test(cleaned)) return null;
  const decimalMark = decimalMarkOf(cleaned, digits, locale);
  const [whole, fraction = "", ...rest] = decimalMark ? cleaned.split(decimalMark) : [cleaned];
  if (rest.length > 0 || fraction.length > digits || /[.,]/.test(fraction)) return null;
  const groupMark = decimalMark ? (decimalMark === "," ? "." : ",") : whole.includes(".") ? "." : ",";
  if (whole.includes(groupMark) && !groupedWell(whole, groupMark)) return null;
  const wholeDigits = whole.replaceAll(groupMark, "");
  if (wholeDigits.length > 16) return "too large";
  const minor = BigInt(wholeDigits) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? "too large" : Number(minor);
}

/** Thousands (1,234,567) or Indian lakhs and crores (12,34,567). */
function groupedWell(whole: string, mark: string): boolean {
  const m = `\\${mark}`;
  return new RegExp(`^(\\d{1,3}(${m}\\d{3})+|\\d{1,2}(${m}\\d{2})*${m}\\d{3})$`).test(whole);
}

/** "," or "." when the text has a decimal part, or null when it is a whole amount. */
function decimalMarkOf(text: string, digits: number, locale?: string): "," | "." | null {
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? "," : ".";
  const mark = lastComma >= 0 ? "," : lastDot >= 0 ? "." : null;
  if (!mark) return null;
  if (text.indexOf(mark) !== text.lastIndexOf(mark)) return null;
  const after = text.length - text.indexOf(mark) - 1;
  if (after !== 3) return mark;
  if (locale) return localeDecimalMark(locale) === mark ? mark : null;
  return digits >= 3 ? mark : null;
}

function localeDecimalMark(locale: string): string {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal");
  return part?.value ?? ".";
}

function invalid(field: string, message: string): Invalid {
  return new Invalid(message, { [field]: [message] });
}

/** Minor units as the plain text parseMoney reads back (1250 USD → "12.50"), for a form's default. */
export function moneyInputText(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  const whole = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return minor < 0 ? `-${whole}` : whole;
}
