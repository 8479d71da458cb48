import { describe, expect, it } from "vitest";
import { balanceDue, creditable, noMoney, refundable } from "./owed";

describe("what may be credited and refunded", () => {
  it.each([
    ["never charged", {}, 0],
    ["charged", { charged: 1000 }, 1000],
    ["charged at a discount", { charged: 1000, discounted: 300 }, 700],
    ["charged with an adjustment", { charged: 1000, adjusted: 50 }, 1050],
    ["partly credited already", { charged: 1000, credited: 400 }, 600],
    ["credited in full", { charged: 1000, credited: 1000 }, 0],
  ])("credit: %s", (_name, sums, expected) => {
    expect(creditable({ ...noMoney, ...sums })).toBe(expected);
  });

  it.each([
    ["nothing paid", { charged: 1000, credited: 400 }, 0],
    ["paid in full, then credited", { charged: 1000, paid: 1000, credited: 400 }, 400],
    ["paid part, credited less than is unpaid", { charged: 1000, paid: 300, credited: 500 }, 0],
    ["paid part, credited more than is unpaid", { charged: 1000, paid: 300, credited: 1000 }, 300],
    ["overpaid", { charged: 1000, paid: 1200 }, 200],
    ["already refunded", { charged: 1000, paid: 1000, credited: 400, refunded: 400 }, 0],
    // Credit notes booked before credits were capped: "credit note 700.00 then refund 700.00
    // with no charge and no payment" (issue 8). Money that was never paid is never returned.
    ["a phantom credit on an order never charged nor paid", { credited: 700 }, 0],
    [
      "a phantom credit beyond what was paid",
      { charged: 1000, discounted: 800, paid: 200, credited: 1000 },
      200,
    ],
  ])("refund: %s", (_name, sums, expected) => {
    const money = { ...noMoney, ...sums };
    expect(refundable(money)).toBe(expected);
    expect(refundable(money)).toBeLessThanOrEqual(Math.max(0, -balanceDue(money)));
  });
});
