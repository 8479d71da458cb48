import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { undeliveredValue } from "./undelivered-value";

describe("undeliveredValue", () => {
  it.each([
    ["nothing delivered", 8_000, 10_000, 0, 8_000],
    ["a quarter delivered", 8_000, 10_000, 2_500, 6_000],
    ["fully delivered", 8_000, 10_000, 10_000, 0],
    ["over-delivered", 8_000, 10_000, 12_000, 0],
    ["earned value rounds down, in the advertiser's favour", 100, 3, 1, 67],
    ["less than a minor unit earned", 1, 3, 2, 1],
    ["free line item", 0, 500, 100, 0],
    ["beyond 2^53 in the product", 9_007_199_254_740_991, 9_007_199_254_740_990, 9_007_199_254_740_989, 2],
  ])("%s", (_name, amount, quantity, delivered, expected) => {
    expect(undeliveredValue({ amount, quantity, delivered })).toBe(expected);
  });

  it.each([
    [{ amount: 10, quantity: 0, delivered: 0 }],
    [{ amount: 10.5, quantity: 10, delivered: 0 }],
    [{ amount: 10, quantity: 10, delivered: -1 }],
    [{ amount: -10, quantity: 10, delivered: 0 }],
    [{ amount: 2 ** 53, quantity: 10, delivered: 0 }],
  ])("refuses impossible input %o", (li) => {
    expect(() => undeliveredValue(li)).toThrow(RangeError);
  });

  it("is an integer between 0 and the amount that falls as delivery grows", () => {
    const safe = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(
        safe,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        safe,
        safe,
        (amount, quantity, a, b) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          const atLess = undeliveredValue({ amount, quantity, delivered: less });
          const atMore = undeliveredValue({ amount, quantity, delivered: more });
          expect(Number.isSafeInteger(atLess)).toBe(true);
          expect(atLess).toBeLessThanOrEqual(amount);
          expect(atMore).toBeGreaterThanOrEqual(0);
          expect(atMore).toBeLessThanOrEqual(atLess);
        },
      ),
    );
  });
});
