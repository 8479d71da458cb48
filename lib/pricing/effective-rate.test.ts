import { describe, expect, it } from "vitest";
import type { CountryModifier } from "@/db/schema/inventory";
import { effectiveRate } from "./effective-rate";

const pct = (country: string, value: number): CountryModifier => ({ country, kind: "percent", value });
const fixed = (country: string, value: number): CountryModifier => ({ country, kind: "fixed", value });

describe("effectiveRate", () => {
  it.each([
    ["no modifiers: the base rate", 1_000, [], ["US"], 1_000, { US: 1_000 }],
    ["percent +20 is ×1.2", 1_000, [pct("US", 20)], ["US"], 1_200, { US: 1_200 }],
    ["percent −15", 2_000, [pct("CA", -15)], ["CA"], 1_700, { CA: 1_700 }],
    ["percent with decimals", 1_000, [pct("US", 7.5)], ["US"], 1_075, { US: 1_075 }],
    ["percent rounds half up", 333, [pct("US", 50)], ["US"], 500, { US: 500 }],
    ["a discount also rounds half up", 1_001, [pct("US", -50)], ["US"], 501, { US: 501 }],
    ["−100% is free", 1_000, [pct("US", -100)], ["US"], 0, { US: 0 }],
    ["fixed adds minor units", 1_000, [fixed("GB", 250)], ["GB"], 1_250, { GB: 1_250 }],
    ["fixed may lower the rate", 1_000, [fixed("GB", -400)], ["GB"], 600, { GB: 600 }],
    ["a modifier for another country is ignored", 1_000, [pct("DE", 50)], ["US"], 1_000, { US: 1_000 }],
    ["country codes match whatever their case", 1_000, [pct("us", 10)], ["Us"], 1_100, { US: 1_100 }],
    [
      "several modifiers apply in order",
      1_000,
      [pct("US", 10), fixed("US", 5)],
      ["US"],
      1_105,
      { US: 1_105 },
    ],
    [
      "blended: equal-weight average of the countries",
      1_000,
      [pct("US", 20)],
      ["US", "CA"],
      1_100,
      { US: 1_200, CA: 1_000 },
    ],
    [
      "blended average rounds half up",
      1_000,
      [fixed("US", 1)],
      ["US", "CA"],
      1_001,
      { US: 1_001, CA: 1_000 },
    ],
    [
      "blended average of three rounds to nearest",
      1_000,
      [fixed("US", 1), fixed("GB", 0)],
      ["US", "CA", "GB"],
      1_000,
      { US: 1_001, CA: 1_000, GB: 1_000 },
    ],
    [
      "a country picked twice counts once",
      1_000,
      [pct("US", 20)],
      ["US", "us", "CA"],
      1_100,
      { US: 1_200, CA: 1_000 },
    ],
  ])("%s", (_name, baseRate, countryModifiers, countries, rate, byCountry) => {
    expect(effectiveRate({ baseRate, model: "cpm", countryModifiers, countries })).toEqual({
      rate,
      byCountry,
    });
  });

  it.each([
    ["no country", 1_000, [], [], "countries"],
    ["not a country code", 1_000, [], ["USA"], "countries"],
    ["a percentage below −100%", 1_000, [pct("US", -150)], ["US"], "countryModifiers"],
    ["a fixed discount larger than the rate", 1_000, [fixed("US", -1_001)], ["US"], "countryModifiers"],
    ["a fractional fixed amount", 1_000, [fixed("US", 2.5)], ["US"], "countryModifiers"],
    ["a percentage that is not a number", 1_000, [pct("US", Number.NaN)], ["US"], "countryModifiers"],
    ["a rate past 2^53", Number.MAX_SAFE_INTEGER, [pct("US", 1)], ["US"], "countryModifiers"],
    ["a fractional base rate", 10.5, [], ["US"], "baseRate"],
    ["a negative base rate", -1, [], ["US"], "baseRate"],
  ])("refuses %s, naming the field", (_name, baseRate, countryModifiers, countries, field) => {
    expect(() => effectiveRate({ baseRate, model: "cpd", countryModifiers, countries })).toThrow(
      expect.objectContaining({ code: "invalid", fieldErrors: { [field]: [expect.any(String)] } }),
    );
  });
});
