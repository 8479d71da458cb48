import { describe, expect, it } from "vitest";
import { countOf, deliveredOf, modelName, plural, ratePer, unitName, unitOf } from "./units";

describe("unit labels", () => {
  it("says one click, and zero or many clicks", () => {
    expect(countOf(0, "clicks")).toBe("0 clicks");
    expect(countOf(1, "clicks")).toBe("1 click");
    expect(countOf(2, "clicks")).toBe("2 clicks");
    expect(countOf(1, "impressions")).toBe("1 impression");
    expect(countOf(12_000, "impressions")).toBe("12,000 impressions");
    expect(countOf(1, "days")).toBe("1 day");
    expect(countOf(0, "days")).toBe("0 days");
    expect(unitName(1, "clicks")).toBe("click");
    expect(unitName(3, "days")).toBe("days");
    expect(plural(1, "row", "rows")).toBe("1 row");
    expect(plural(1200, "row", "rows")).toBe("1,200 rows");
  });

  it("names delivered against booked in the booked count's number", () => {
    expect(deliveredOf(0, 1, "clicks")).toBe("0 of 1 click");
    expect(deliveredOf(1, 1, "days")).toBe("1 of 1 day");
    expect(deliveredOf(4200, 10_000, "impressions")).toBe("4,200 of 10,000 impressions");
  });

  it("has one unit, short name and rate wording per pricing model", () => {
    expect(unitOf).toEqual({ cpm: "impressions", cpc: "clicks", cpd: "days" });
    expect(modelName).toEqual({ cpm: "CPM", cpc: "CPC", cpd: "CPD" });
    expect(ratePer.cpm).toBe("per 1,000 impressions");
    expect(ratePer.cpc).toBe("per click");
    expect(ratePer.cpd).toBe("per day and country");
  });
});
