import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PricingModel } from "@/lib/orders/types";
import { priceLineItem } from "./price-line-item";

const line = (model: PricingModel, rate: number, quantity: number, days = 1, countries = 1) => ({
  model,
  rate,
  quantity,
  days,
  countries,
});

describe("priceLineItem", () => {
  it.each([
    ["cpm: rate per 1,000 impressions", line("cpm", 1_000, 10_000), 10_000],
    ["cpm: a fraction of a cent below half rounds down", line("cpm", 250, 1_001), 250],
    ["cpm: exactly half a cent rounds up", line("cpm", 250, 1_002), 251],
    ["cpm: under half a minor unit is free", line("cpm", 1, 499), 0],
    ["cpm: half a minor unit rounds up", line("cpm", 1, 500), 1],
    ["cpm: days and countries do not change the price", line("cpm", 1_000, 10_000, 30, 5), 10_000],
    ["cpm: rate × impressions past 2^53, amount within", line("cpm", 1_000_000, 9_000_000_000_000), 9e15],
    ["cpc: rate per click", line("cpc", 35, 1_000), 35_000],
    ["cpd: rate × days × countries", line("cpd", 5_000, 7, 7, 3), 105_000],
    ["cpd: one day in one country", line("cpd", 5_000, 1, 1, 1), 5_000],
    ["a free rate", line("cpm", 0, 1_000), 0],
  ])("%s", (_name, input, amount) => {
    expect(priceLineItem(input)).toEqual({ amount });
  });

  it.each([
    ["zero quantity", line("cpm", 1_000, 0), "quantity"],
    ["negative quantity", line("cpc", 1_000, -5), "quantity"],
    ["fractional quantity", line("cpm", 1_000, 1.5), "quantity"],
    ["NaN quantity", line("cpm", 1_000, Number.NaN), "quantity"],
    ["quantity past 2^53", line("cpm", 1_000, 2 ** 53), "quantity"],
    ["negative rate", line("cpm", -1, 1_000), "rate"],
    ["fractional rate", line("cpc", 0.5, 1_000), "rate"],
    ["zero days", line("cpm", 1_000, 1_000, 0), "days"],
    ["zero countries", line("cpd", 1_000, 1, 1, 0), "countries"],
    ["a cpd quantity other than its days", line("cpd", 1_000, 3, 7), "quantity"],
    ["a cpc amount too large to hold", line("cpc", 1_000_000_000, 1_000_000_000), "quantity"],
    ["a cpm amount too large to hold", line("cpm", 1_000_000_000, 9_000_000_000_000), "quantity"],
    ["a cpd amount too large to hold", line("cpd", 1_000_000_000_000, 700, 700, 20), "days"],
  ])("refuses %s, naming the field", (_name, input, field) => {
    expect(() => priceLineItem(input)).toThrow(
      expect.objectContaining({ code: "invalid", fieldErrors: { [field]: [expect.any(String)] } }),
    );
  });

  it("cpm is rate × impressions / 1000 rounded half up, and never falls as impressions grow", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        (rate, quantity, more) => {
          const { amount } = priceLineItem(line("cpm", rate, quantity));
          const exact = (BigInt(rate) * BigInt(quantity) * 10n) / 1000n; // tenths of a minor unit, truncated
          expect(BigInt(amount)).toBe((exact + 5n) / 10n);
          expect(priceLineItem(line("cpm", rate, quantity + more)).amount).toBeGreaterThanOrEqual(amount);
        },
      ),
    );
  });
});
