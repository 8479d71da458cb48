import { describe, expect, it } from "vitest";
import { invoiceTax } from "./invoice-tax";

describe("invoiceTax", () => {
  const publisher = { taxRateBasisPoints: 2000, taxId: "GB123" };

  it("names the tax included in the amount at the publisher's default rate", () => {
    expect(invoiceTax(12_000, { taxRateBasisPoints: null, taxId: null }, publisher)).toEqual({
      percent: 20,
      included: 2000,
      taxId: "GB123",
    });
  });

  it("uses the order's own rate and tax id when it has them, rounding to the nearest unit", () => {
    expect(invoiceTax(1000, { taxRateBasisPoints: 750, taxId: "DE9" }, publisher)).toEqual({
      percent: 7.5,
      included: 70, // 1000 × 7.5 / 107.5 = 69.77
      taxId: "DE9",
    });
    expect(
      invoiceTax(1000, { taxRateBasisPoints: null, taxId: null }, { taxRateBasisPoints: 0, taxId: "" }),
    ).toEqual({ percent: 0, included: 0, taxId: null });
  });
});
