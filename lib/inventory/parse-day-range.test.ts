import { describe, expect, it } from "vitest";
import { MAX_RANGE_DAYS, parseDayRange } from "./parse-day-range";

describe("parseDayRange", () => {
  it("lists the days of a valid range", () => {
    expect(parseDayRange("2030-01-01", "2030-01-03")).toEqual(["2030-01-01", "2030-01-02", "2030-01-03"]);
  });

  it("allows the longest range and no longer", () => {
    expect(parseDayRange("2030-01-01", "2031-12-31")).toHaveLength(730);
    expect(parseDayRange("2030-01-01", "2032-01-01")).toHaveLength(MAX_RANGE_DAYS);
  });

  it.each([
    ["2030-02-30", "2030-03-01", "startDate"],
    ["2030-03-01", "", "endDate"],
    ["2030-03-02", "2030-03-01", "endDate"],
    ["2030-01-01", "2032-01-02", "endDate"],
  ])("refuses %s..%s naming %s", (start, end, field) => {
    expect(() => parseDayRange(start, end)).toThrow(
      expect.objectContaining({ code: "invalid", fieldErrors: { [field]: [expect.any(String)] } }),
    );
  });

  it("names the fields the caller uses", () => {
    expect(() => parseDayRange("2030-01-02", "2030-01-01", { start: "from", end: "to" })).toThrow(
      expect.objectContaining({ fieldErrors: { to: [expect.any(String)] } }),
    );
  });
});
