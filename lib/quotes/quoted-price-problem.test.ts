import { describe, expect, it } from "vitest";
import { quotedPriceProblem } from "./quoted-price-problem";

describe("quotedPriceProblem", () => {
  it("says why the send quote form's price is refused, as the server would", () => {
    expect(quotedPriceProblem("-6000", "USD")).toBe("Enter an amount in USD, like 1250.00.");
    expect(quotedPriceProblem("0", "USD")).toBe("The price must be above zero.");
    expect(quotedPriceProblem("1,250.50", "USD")).toBeNull();
    expect(quotedPriceProblem("12,50", "EUR")).toBeNull();
  });
});
