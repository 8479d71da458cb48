import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./parse-money-input";
import { endOfDayIn, quoteValidThrough } from "./quote-validity";

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

describe("quote expiry days", () => {
  it.each([
    ["2030-01-05", "UTC", "2030-01-06T00:00:00.000Z"],
    ["2030-01-05", "America/New_York", "2030-01-06T05:00:00.000Z"],
    ["2030-07-05", "America/New_York", "2030-07-06T04:00:00.000Z"],
    ["2030-01-05", "Asia/Tokyo", "2030-01-05T15:00:00.000Z"],
    // Daylight saving starts on 2030-03-10 in New York: the day is 23 hours long.
    ["2030-03-10", "America/New_York", "2030-03-11T04:00:00.000Z"],
  ])("valid until %s in %s ends at %s", (day, zone, instant) => {
    const end = endOfDayIn(day, zone);
    expect(end.toISOString()).toBe(instant);
    expect(quoteValidThrough(end, zone)).toBe(day);
  });
});
