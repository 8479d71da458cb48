import { describe, expect, it } from "vitest";
import { zoneBookingProblems } from "./zone-booking-rules";

const zone = {
  name: "Sidebar",
  pricingModel: "cpm" as const,
  minQuantity: 5_000,
  maxQuantity: 100_000,
  leadDays: 3,
  maxWindowDays: 90,
  blackoutDays: ["2030-01-20"],
  archivedAt: null,
};
const today = "2030-01-01";
const fine = { startDate: "2030-01-05", endDate: "2030-01-10", quantity: 10_000 };

describe("zoneBookingProblems", () => {
  it("lets a line item within every rule through", () => {
    expect(zoneBookingProblems(zone, fine, today)).toEqual([]);
  });

  it.each([
    [{ startDate: "2030-01-03" }, "startDate", "start on 2030-01-04 or later"],
    [{ startDate: "2030-03-01", endDate: "2030-04-02" }, "endDate", "end on 2030-04-01 or earlier"],
    [{ endDate: "2030-01-21" }, "startDate", "not sold on 2030-01-20"],
    [{ quantity: 4_999 }, "quantity", "sold from 5,000 impressions"],
    [{ quantity: 100_001 }, "quantity", "sold up to 100,000 impressions"],
  ])("refuses %o on %s", (change, field, words) => {
    expect(zoneBookingProblems(zone, { ...fine, ...change }, today)).toEqual([
      [field, expect.stringContaining(words)],
    ]);
  });

  it("refuses every new booking on an archived zone", () => {
    expect(zoneBookingProblems({ ...zone, archivedAt: new Date() }, fine, today)).toEqual([
      ["zoneId", "Sidebar is archived and takes no new bookings."],
    ]);
  });

  it("counts a per-day zone's quantity in days", () => {
    const cpd = { ...zone, pricingModel: "cpd" as const, minQuantity: 7, maxQuantity: null };
    expect(zoneBookingProblems(cpd, { ...fine, quantity: undefined }, today)).toEqual([
      ["endDate", "Sidebar is sold from 7 days."],
    ]);
  });
});
