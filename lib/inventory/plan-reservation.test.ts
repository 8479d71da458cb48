import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/core/days";
import { planReservation } from "./plan-reservation";

const base = { zoneId: 7, countries: ["US"], startDate: "2030-01-01", endDate: "2030-01-01" };

describe("planReservation", () => {
  it("spreads cpm impressions evenly over days × countries, sorted by country then day", () => {
    expect(
      planReservation({
        ...base,
        model: "cpm",
        quantity: 4_000,
        countries: ["US", "CA"],
        endDate: "2030-01-02",
      }),
    ).toEqual([
      { zoneId: 7, country: "CA", day: "2030-01-01", units: 1_000 },
      { zoneId: 7, country: "CA", day: "2030-01-02", units: 1_000 },
      { zoneId: 7, country: "US", day: "2030-01-01", units: 1_000 },
      { zoneId: 7, country: "US", day: "2030-01-02", units: 1_000 },
    ]);
  });

  it("puts the remainder one unit each on the first rows", () => {
    const rows = planReservation({ ...base, model: "cpm", quantity: 11, endDate: "2030-01-04" });
    expect(rows.map((r) => r.units)).toEqual([3, 3, 3, 2]);
  });

  it("leaves out cells that would hold nothing", () => {
    const rows = planReservation({ ...base, model: "cpm", quantity: 2, endDate: "2030-01-05" });
    expect(rows.map((r) => [r.day, r.units])).toEqual([
      ["2030-01-01", 1],
      ["2030-01-02", 1],
    ]);
  });

  it("reserves the whole day, one unit per country-day, for cpd whatever the quantity", () => {
    const rows = planReservation({
      ...base,
      model: "cpd",
      quantity: 99,
      countries: ["gb", "US"],
      endDate: "2030-01-02",
    });
    expect(rows).toEqual([
      { zoneId: 7, country: "GB", day: "2030-01-01", units: 1 },
      { zoneId: 7, country: "GB", day: "2030-01-02", units: 1 },
      { zoneId: 7, country: "US", day: "2030-01-01", units: 1 },
      { zoneId: 7, country: "US", day: "2030-01-02", units: 1 },
    ]);
  });

  it("reserves nothing for cpc", () => {
    expect(planReservation({ ...base, model: "cpc", quantity: 1_000 })).toEqual([]);
  });

  it.each([
    [{ quantity: 0 }, "quantity"],
    [{ quantity: 10.5 }, "quantity"],
    [{ countries: [] }, "countries"],
    [{ endDate: "2029-12-31" }, "endDate"],
  ])("refuses %o naming %s", (override, field) => {
    expect(() => planReservation({ ...base, model: "cpm", quantity: 100, ...override })).toThrow(
      expect.objectContaining({ code: "invalid", fieldErrors: { [field]: [expect.any(String)] } }),
    );
  });

  it("cpm rows sum to the quantity, are never negative, unique and sorted", () => {
    const country = fc.constantFrom("US", "CA", "GB", "DE", "FR", "us", "NL");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.array(country, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 365 }),
        (quantity, countries, length, offset) => {
          const startDate = addDays("2030-01-01", offset);
          const endDate = addDays(startDate, length);
          const rows = planReservation({ zoneId: 1, model: "cpm", quantity, countries, startDate, endDate });
          expect(rows.reduce((sum, r) => sum + r.units, 0)).toBe(quantity);
          expect(rows.every((r) => Number.isSafeInteger(r.units) && r.units >= 0)).toBe(true);
          const keys = rows.map((r) => `${r.zoneId}|${r.country}|${r.day}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect([...keys].sort()).toEqual(keys);
          const units = rows.map((r) => r.units);
          expect(Math.max(...units) - Math.min(...units)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("cpd rows are one unit for each day and country", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 20 }), (length, n) => {
        const countries = Array.from({ length: n }, (_, i) =>
          String.fromCharCode(65 + i, 65 + ((i * 7) % 26)),
        );
        const rows = planReservation({
          ...base,
          model: "cpd",
          quantity: 1,
          countries,
          endDate: addDays(base.startDate, length),
        });
        expect(rows).toHaveLength((length + 1) * n);
        expect(rows.every((r) => r.units === 1)).toBe(true);
      }),
    );
  });
});
