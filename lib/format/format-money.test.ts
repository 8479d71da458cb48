import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyMinorDigits } from "./currency-digits";
import { formatMoney } from "./format-money";

/** ICU releases differ in which space they print between code and amount; the text is what matters. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it.each([
    [123456, "USD", undefined, "$1,234.56"],
    [0, "USD", undefined, "$0.00"],
    [5, "USD", undefined, "$0.05"],
    [-123456, "USD", undefined, "-$1,234.56"],
    [123456, "usd", undefined, "$1,234.56"],
    [123456, "JPY", undefined, "¥123,456"],
    [1234, "KWD", undefined, "KWD 1.234"],
    [123456, "EUR", "de-DE", "1.234,56 €"],
    [123456, "GBP", "en-GB", "£1,234.56"],
    [123456, "HUF", undefined, "HUF 1,234.56"],
    [123456n, "USD", undefined, "$1,234.56"],
    ["123456", "USD", undefined, "$1,234.56"],
    ["-5", "USD", undefined, "-$0.05"],
    [123456789012345678901234567890n, "USD", undefined, "$1,234,567,890,123,456,789,012,345,678.90"],
  ])("formatMoney(%s, %s, %s) is %s", (minor, currency, locale, expected) => {
    expect(spaces(formatMoney(minor, currency, locale))).toBe(expected);
  });

  it.each([[12.5], [Number.NaN], [2 ** 60], ["12.50"], ["abc"], [""]])("rejects %s", (minor) => {
    expect(() => formatMoney(minor, "USD")).toThrow(RangeError);
  });

  it("shows every minor unit: the digits after the point are the amount's last digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (minor) => {
        const digits = currencyMinorDigits("USD");
        const shown = formatMoney(minor, "USD").replace(/[$,]/g, "");
        expect(shown.replace(".", "")).toBe(minor.toString().padStart(digits + 1, "0"));
      }),
    );
  });
});

describe("currencyMinorDigits", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["ISK", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["CLF", 4],
    ["HUF", 2],
    ["IDR", 2],
    ["jpy", 0],
  ])("%s has %i", (currency, digits) => {
    expect(currencyMinorDigits(currency)).toBe(digits);
  });
});
