import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate";

describe("allocate", () => {
  it("splits 100 cents three ways without losing one", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it("follows the ratios, giving the leftover unit to the largest remainder", () => {
    expect(allocate(1000, [50, 25, 25])).toEqual([500, 250, 250]);
    expect(allocate(5, [3, 7])).toEqual([2, 3]); // 1.5 and 3.5: earliest of the tie first
    expect(allocate(10, [0, 1])).toEqual([0, 10]);
  });

  it("refuses what cannot be split", () => {
    expect(() => allocate(10, [])).toThrow(RangeError);
    expect(() => allocate(10, [0, 0])).toThrow(RangeError);
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
    expect(() => allocate(10, [-1, 2])).toThrow(RangeError);
  });

  it("always adds up to the amount, and each part is within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 12 }),
        (amount, ratios) => {
          fc.pre(ratios.some((r) => r > 0));
          const parts = allocate(amount, ratios);
          const total = ratios.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          parts.forEach((part, i) => {
            expect(Math.abs(part - (amount * ratios[i]) / total)).toBeLessThan(1.000001);
            if (ratios[i] === 0) expect(part).toBe(0);
          });
        },
      ),
    );
  });
});
