import { describe, expect, it } from "vitest";
import { calendarDay } from "./calendar-day";
import { hitNotCountedReason, type LineItemServingState, notServingReason } from "./serving";

const live: LineItemServingState = {
  id: 1,
  publisherId: 1,
  status: "delivering",
  orderStatus: "live",
  startDate: "2030-06-01",
  endDate: "2030-06-30",
  timezone: "UTC",
};

describe("notServingReason", () => {
  it.each([
    [{}, "2030-06-15", null],
    [{}, "2030-06-01", null],
    [{}, "2030-06-30", null],
    [{}, "2030-05-31", "not_started"],
    [{}, "2030-07-01", "ended"],
    [{ status: "ready" }, "2030-06-15", "not_started"],
    [{ status: "pending" }, "2030-06-15", "not_started"],
    [{ status: "paused" }, "2030-06-15", "paused"],
    [{ status: "canceled" }, "2030-06-15", "canceled"],
    [{ status: "completed" }, "2030-06-15", "completed"],
    [{ orderStatus: "paused" }, "2030-06-15", "paused"],
    [{ orderStatus: "canceled" }, "2030-06-15", "canceled"],
    [{ orderStatus: "completed" }, "2030-06-15", "completed"],
    [{ orderStatus: "approved" }, "2030-06-15", "order_not_live"],
    [{ orderStatus: "pending_review" }, "2030-06-15", "order_not_live"],
    [{ orderStatus: "archived" }, "2030-06-15", "order_not_live"],
    [{ status: "canceled", orderStatus: "paused" }, "2030-06-15", "canceled"],
    [{ orderStatus: "paused" }, "2030-07-15", "paused"],
  ] as const)("%o on %s → %s", (change, day, reason) => {
    expect(notServingReason({ ...live, ...change }, day)).toBe(reason);
  });
});

describe("hitNotCountedReason", () => {
  it.each([
    [{}, "approved", null],
    [{}, "pending", "creative_pending"],
    [{}, "rejected", "creative_rejected"],
    [{ status: "paused" }, "rejected", "paused"],
  ] as const)("%o with a creative %s → %s", (change, reviewStatus, reason) => {
    expect(hitNotCountedReason({ ...live, ...change }, { reviewStatus }, "2030-06-15")).toBe(reason);
  });
});

describe("calendarDay", () => {
  const noonUtc = Date.parse("2024-01-01T12:00:00Z");

  it.each([
    ["UTC", noonUtc, "2024-01-01"],
    ["Pacific/Kiritimati", noonUtc, "2024-01-02"],
    ["Pacific/Pago_Pago", Date.parse("2024-01-01T10:59:59Z"), "2023-12-31"],
    ["Pacific/Pago_Pago", Date.parse("2024-01-01T11:00:00Z"), "2024-01-01"],
    ["Asia/Kathmandu", Date.parse("2024-03-01T18:14:59Z"), "2024-03-01"],
    ["Asia/Kathmandu", Date.parse("2024-03-01T18:15:00Z"), "2024-03-02"],
    ["Not/A_Zone", noonUtc, "2024-01-01"],
  ])("%s at %d is %s", (zone, at, day) => {
    expect(calendarDay(zone, at)).toBe(day);
  });

  it("changes day at midnight even when asked again within the minute before", () => {
    const midnight = Date.parse("2024-05-10T00:00:00Z");
    expect(calendarDay("UTC", midnight - 1)).toBe("2024-05-09");
    expect(calendarDay("UTC", midnight)).toBe("2024-05-10");
    expect(calendarDay("UTC", midnight - 1)).toBe("2024-05-09");
  });
});
