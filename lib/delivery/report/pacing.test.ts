import { describe, expect, it } from "vitest";
import { clickThroughRate, expectedByToday, pacingPercent, pacingStatus } from "./pacing";

const flight = { startDate: "2030-01-01", endDate: "2030-01-10" };

describe("expected delivery by today: linear over the flight", () => {
  it.each([
    ["before the flight", "2029-12-31", 0],
    ["on the first day", "2030-01-01", 100],
    ["halfway", "2030-01-05", 500],
    ["on the last day", "2030-01-10", 1000],
    ["after the flight", "2030-02-01", 1000],
  ])("%s (%s) → %i of 1,000", (_label, today, expected) => {
    expect(expectedByToday(1000, flight, today)).toBe(expected);
  });

  it("rounds to whole units", () => {
    expect(expectedByToday(1000, { startDate: "2030-01-01", endDate: "2030-01-03" }, "2030-01-01")).toBe(333);
  });
});

describe("pacing", () => {
  it.each([
    [0, 0, 1000, "not_started", null],
    [100, 500, 1000, "behind", 20],
    [460, 500, 1000, "on_track", 92],
    [540, 500, 1000, "on_track", 108],
    [600, 500, 1000, "ahead", 120],
    [1000, 1000, 1000, "delivered", 100],
  ] as const)("delivered %i, expected %i of %i → %s", (delivered, expected, booked, status, percent) => {
    expect(pacingStatus(delivered, expected, booked)).toBe(status);
    expect(pacingPercent(delivered, expected)).toBe(percent);
  });

  it("computes CTR in percent, none without impressions", () => {
    expect(clickThroughRate(2000, 5)).toBe(0.25);
    expect(clickThroughRate(0, 0)).toBeNull();
  });
});
