import { describe, expect, it } from "vitest";
import { type QuotedZone, quoteLineItem } from "./quote-line-item";

const cpm: QuotedZone = {
  pricingModel: "cpm",
  baseRate: 1_000,
  countryModifiers: [{ country: "US", kind: "percent", value: 20 }],
};
const cpc: QuotedZone = { pricingModel: "cpc", baseRate: 35, countryModifiers: [] };
const cpd: QuotedZone = {
  pricingModel: "cpd",
  baseRate: 5_000,
  countryModifiers: [{ country: "US", kind: "fixed", value: 1_000 }],
};
const week = { startDate: "2030-03-01", endDate: "2030-03-07" };

describe("quoteLineItem", () => {
  it.each([
    [
      "cpm blends the country rates, then prices impressions",
      cpm,
      { ...week, countries: ["US", "CA"], quantity: 10_000 },
      { rate: 1_100, amount: 11_000, quantity: 10_000, days: 7 },
    ],
    [
      "cpm rounds the amount half up once",
      cpm,
      { ...week, countries: ["US"], quantity: 1_234 },
      { rate: 1_200, amount: 1_481, quantity: 1_234, days: 7 },
    ],
    [
      "cpc prices clicks",
      cpc,
      { ...week, countries: ["GB"], quantity: 1_000 },
      { rate: 35, amount: 35_000, quantity: 1_000, days: 7 },
    ],
    [
      "cpd prices days × countries and ignores a given quantity",
      cpd,
      { ...week, countries: ["US", "GB"], quantity: 99 },
      { rate: 5_500, amount: 77_000, quantity: 7, days: 7 },
    ],
    [
      "cpd across a month end and a leap day",
      cpd,
      { startDate: "2028-02-28", endDate: "2028-03-01", countries: ["GB"] },
      { rate: 5_000, amount: 15_000, quantity: 3, days: 3 },
    ],
  ])("%s", (_name, zone, input, quote) => {
    expect(quoteLineItem(zone, input)).toEqual(quote);
  });

  it.each([
    [
      "an end before the start",
      cpm,
      { startDate: "2030-03-07", endDate: "2030-03-01", quantity: 1 },
      "endDate",
    ],
    [
      "a start that is not a day",
      cpm,
      { startDate: "2030-02-30", endDate: "2030-03-01", quantity: 1 },
      "startDate",
    ],
    ["an end that is not a day", cpd, { startDate: "2030-03-01", endDate: "next week" }, "endDate"],
    ["a range too long to book", cpd, { startDate: "2030-01-01", endDate: "2040-01-01" }, "endDate"],
    ["a missing quantity", cpm, { ...week }, "quantity"],
    ["a zero quantity", cpc, { ...week, quantity: 0 }, "quantity"],
    ["a negative quantity", cpm, { ...week, quantity: -10 }, "quantity"],
    ["a quantity too large to price", cpc, { ...week, quantity: Number.MAX_SAFE_INTEGER }, "quantity"],
  ])("refuses %s, naming the field", (_name, zone, input, field) => {
    expect(() => quoteLineItem(zone, { countries: ["US"], ...input })).toThrow(
      expect.objectContaining({ code: "invalid", fieldErrors: { [field]: [expect.any(String)] } }),
    );
  });

  it("refuses a quote without countries", () => {
    expect(() => quoteLineItem(cpd, { ...week, countries: [] })).toThrow(
      expect.objectContaining({ fieldErrors: { countries: ["Choose at least one country."] } }),
    );
  });
});
