import { describe, expect, it } from "vitest";
import { checkLineItem, type LineItemChoice, rateInMinorUnits } from "./check-line-item";

const day = (d: string, available: number) => ({ day: d, available, soldOut: available === 0 });
const open = [day("2030-01-10", 1000), day("2030-01-11", 400), day("2030-01-12", 1000)];
const base: LineItemChoice = {
  model: "cpm",
  start: "2030-01-10",
  end: "2030-01-12",
  rangeDays: open,
  quantity: "900",
  rate: "",
  currency: "USD",
};

describe("checkLineItem", () => {
  it("accepts what fits", () => {
    expect(checkLineItem(base)).toEqual({});
  });

  it("refuses a range across sold-out days, naming them, beside the dates", () => {
    const rangeDays = [day("2030-01-10", 1000), day("2030-01-11", 0), day("2030-01-12", 0)];
    expect(checkLineItem({ ...base, rangeDays })).toEqual({
      dates: "Sold out on 2030-01-11, 2030-01-12: pick days around them.",
    });
    expect(checkLineItem({ ...base, model: "cpd", quantity: "", rangeDays }).dates).toMatch(/^Sold out/);
    // Clicks reserve no inventory.
    expect(checkLineItem({ ...base, model: "cpc", rangeDays })).toEqual({});
  });

  it("refuses more impressions than the fullest day lets fit", () => {
    expect(checkLineItem({ ...base, quantity: "1201" }).quantity).toBe(
      "At most 1,200 impressions fit on these days: 2030-01-11 has 400 left, and impressions are spread evenly over the days.",
    );
    expect(checkLineItem({ ...base, quantity: "1200" })).toEqual({});
  });

  it("says why a quantity or rate is refused, with the server's own rules", () => {
    expect(checkLineItem({ ...base, quantity: "0" }).quantity).toBe("The quantity must be at least 1.");
    expect(checkLineItem({ ...base, quantity: "-5" }).quantity).toBe("The quantity must be at least 1.");
    expect(checkLineItem({ ...base, quantity: "1.5" }).quantity).toBe(
      "Enter the quantity as a whole number.",
    );
    expect(checkLineItem({ ...base, quantity: "999999999999", rangeDays: null }).quantity).toBe(
      "That quantity is too large: at most 10,000,000,000.",
    );
    expect(checkLineItem({ ...base, rate: "-60" }).rate).toBe("The rate cannot be negative.");
    expect(checkLineItem({ ...base, rate: "abc" }).rate).toBe("Enter an amount in USD, like 1250.00.");
    expect(checkLineItem({ ...base, rate: "12.50" })).toEqual({});
    // Nothing typed yet is not an error.
    expect(checkLineItem({ ...base, quantity: "", start: null, end: null, rangeDays: null })).toEqual({});
  });

  it("reads a rate in major units as minor units", () => {
    expect(rateInMinorUnits("12.5", "USD")).toBe(1250);
    expect(rateInMinorUnits("12,50", "EUR")).toBe(1250);
    expect(rateInMinorUnits("1200", "JPY")).toBe(1200);
    expect(rateInMinorUnits("1e3", "USD")).toBeNaN();
  });
});
