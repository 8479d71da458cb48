import { describe, expect, it } from "vitest";
import { deliveredText, unitsText } from "./delivery-figures";

const none = { impressions: 0, clicks: 0, days: 0 };

describe("delivery figures", () => {
  it("writes a single click or day in the singular", () => {
    expect(unitsText({ ...none, clicks: 1, days: 1 })).toBe("1 click · 1 day");
    expect(unitsText({ impressions: 10_000, clicks: 2, days: 0 })).toBe("10,000 impressions · 2 clicks");
    expect(unitsText(none)).toBe("0");
    expect(unitsText(null)).toBe("—");
  });

  it("says 0 of 1 click, with the noun following what was booked", () => {
    const booked = { ...none, clicks: 1 };
    expect(deliveredText({ booked, delivered: none, deliveredPercent: 0 })).toBe("0 of 1 click (0.0%)");
    expect(
      deliveredText({
        booked: { ...none, impressions: 10_000 },
        delivered: { ...none, impressions: 4200 },
        deliveredPercent: 42,
      }),
    ).toBe("4,200 of 10,000 impressions (42%)");
    expect(
      deliveredText({
        booked: { ...none, impressions: 10_000, days: 5 },
        delivered: { ...none, impressions: 4200, days: 2 },
        deliveredPercent: 41.5,
      }),
    ).toBe("42% of booked value");
  });
});
