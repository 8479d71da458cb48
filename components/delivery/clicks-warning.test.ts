import { describe, expect, it } from "vitest";
import { clicksOverImpressions } from "./clicks-warning";

describe("clicksOverImpressions", () => {
  it("names both counts when clicks outnumber impressions", () => {
    expect(clicksOverImpressions("10", "50")).toBe("50 clicks against 10 impressions");
    expect(clicksOverImpressions("0", "1")).toBe("1 click against 0 impressions");
    expect(clicksOverImpressions("1,000", "1,200")).toBe("1,200 clicks against 1,000 impressions");
  });

  it("stays quiet for sane or unfinished numbers", () => {
    expect(clicksOverImpressions("10", "10")).toBeNull();
    expect(clicksOverImpressions("1000", "3")).toBeNull();
    expect(clicksOverImpressions("", "5")).toBeNull();
    expect(clicksOverImpressions("ten", "50")).toBeNull();
  });
});
