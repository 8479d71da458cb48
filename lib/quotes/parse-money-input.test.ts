import { describe, expect, it } from "vitest";
import { parseMoneyInput, quotedPriceProblem } from "./parse-money-input";

describe("parseMoneyInput", () => {
  it.each([
    ["1250", "USD", 125_000],
    ["1,250.5", "USD", 125_050],
    [" 0.01 ", "USD", 1],
    ["1250", "JPY", 1250],
    ["1.234", "KWD", 1234],
  ])("%s %s → %i minor units", (text, currency, minor) => {
    expect(parseMoneyInput(text, currency, "price")).toBe(minor);
  });

  it.each([["12.345"], ["-5"], ["abc"], [""], ["1e5"]])("refuses %j, naming the field", (text) => {
    expect(() => parseMoneyInput(text, "USD", "price")).toThrow(
      expect.objectContaining({ fieldErrors: { price: ["Enter an amount in USD, like 1250.00."] } }),
    );
  });

  it("refuses decimals for a currency without minor units", () => {
    expect(() => parseMoneyInput("10.5", "JPY", "price")).toThrow("Enter an amount in JPY, like 1250.");
  });
});

describe("quotedPriceProblem", () => {
  it("says why the send quote form's price is refused, as the server would", () => {
    expect(quotedPriceProblem("-6000", "USD")).toBe("Enter an amount in USD, like 1250.00.");
    expect(quotedPriceProblem("0", "USD")).toBe("The price must be above zero.");
    expect(quotedPriceProblem("1,250.50", "USD")).toBeNull();
  });
});
