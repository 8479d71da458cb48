import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyMinorDigits } from "@/lib/format/currency-digits";
import { moneyInputText, parseMoney, parseMoneyOrNull } from "./parse-money";

describe("parseMoney", () => {
  it.each([
    ["12,50", "EUR", 1250],
    ["1.234,56", "EUR", 123_456],
    ["1,234.56", "USD", 123_456],
    ["1,234", "USD", 123_400],
    ["1.234", "EUR", 123_400],
    ["1250", "USD", 125_000],
    ["1,250.5", "USD", 125_050],
    [" 0.01 ", "USD", 1],
    ["1 234,56", "EUR", 123_456],
    ["1'234.56", "CHF", 123_456],
    ["1250", "JPY", 1250],
    ["1,250", "JPY", 1250],
    ["1.234", "KWD", 1234],
    ["1,000,000", "USD", 100_000_000],
    ["12,34,567.50", "INR", 123_456_750],
  ])("%j %s → %i minor units", (text, currency, minor) => {
    expect(parseMoney(text, currency, "amount")).toBe(minor);
  });

  it("lets a locale settle a mark followed by three digits", () => {
    expect(parseMoney("1.234", "KWD", "amount", "de-DE")).toBe(1_234_000);
    expect(parseMoney("1,234", "KWD", "amount", "de-DE")).toBe(1234);
  });

  it.each([["12.3456"], ["-5"], ["abc"], [""], ["1e5"], ["1,2345"], ["1.2.3,45,6"], ["12,"], [",5x"]])(
    "refuses %j, naming the field",
    (text) => {
      expect(() => parseMoney(text, "USD", "amount")).toThrow(
        expect.objectContaining({ fieldErrors: { amount: ["Enter an amount in USD, like 1250.00."] } }),
      );
    },
  );

  it("refuses decimals for a currency without minor units, and amounts past safe integers", () => {
    expect(() => parseMoney("10,5", "JPY", "price")).toThrow("Enter an amount in JPY, like 1250.");
    expect(() => parseMoney("99999999999999999", "USD", "price")).toThrow("That amount is too large.");
    expect(parseMoneyOrNull("nope", "USD")).toBeNull();
  });

  const locales = ["en-US", "de-DE", "fr-FR", "de-CH", "en-IN", "ja-JP", "es-ES", "nl-NL"];
  const currencies = ["USD", "EUR", "JPY", "KWD", "CHF", "GBP"];

  it("reads back whatever Intl prints for any amount, locale and currency", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom(...locales),
        fc.constantFrom(...currencies),
        fc.boolean(),
        (minor, locale, currency, grouped) => {
          const digits = currencyMinorDigits(currency);
          const printed = new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
            useGrouping: grouped,
          }).format(minor / 10 ** digits);
          expect(parseMoney(printed, currency, "amount", locale)).toBe(minor);
        },
      ),
    );
  });

  it("reads plain decimals with either mark the same way", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const fraction = String(cents).padStart(2, "0");
        const minor = whole * 100 + cents;
        expect(parseMoney(`${whole}.${fraction}`, "EUR", "amount")).toBe(minor);
        expect(parseMoney(`${whole},${fraction}`, "EUR", "amount")).toBe(minor);
      }),
    );
  });

  it("reads back the form defaults it writes", () => {
    expect(moneyInputText(1250, "USD")).toBe("12.50");
    expect(moneyInputText(5, "USD")).toBe("0.05");
    expect(moneyInputText(1250, "JPY")).toBe("1250");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(...currencies), (minor, currency) => {
        expect(parseMoney(moneyInputText(minor, currency), currency, "amount")).toBe(minor);
      }),
    );
  });
});
