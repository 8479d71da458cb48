import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date";
import { formatDateRange } from "./format-date-range";

/** ICU releases differ in which space they print before "AM" and around "–"; the text is what matters. */
const spaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

describe("formatDate", () => {
  it.each([
    ["2025-03-05T12:00:00Z", "America/New_York", {}, "Mar 5, 2025"],
    ["2025-03-05T03:00:00Z", "America/New_York", {}, "Mar 4, 2025"],
    ["2025-03-05T23:30:00Z", "Asia/Tokyo", {}, "Mar 6, 2025"],
    ["2025-03-05T12:00:00Z", "America/New_York", { withTime: true }, `Mar 5, 2025, 7:00 AM`],
    ["2025-07-05T12:00:00Z", "America/New_York", { withTime: true }, `Jul 5, 2025, 8:00 AM`],
    [
      "2025-03-05T12:00:00Z",
      "America/New_York",
      { withTime: true, showTimeZone: true },
      `Mar 5, 2025, 7:00 AM EST`,
    ],
    ["2025-03-05T12:00:00Z", "Europe/Berlin", { withTime: true, locale: "de-DE" }, "5. März 2025, 13:00"],
    ["2025-03-05", "Pacific/Honolulu", {}, "Mar 5, 2025"],
    ["2025-03-05", "Asia/Tokyo", { withTime: true }, "Mar 5, 2025"],
    [Date.UTC(2025, 2, 5, 12), "UTC", {}, "Mar 5, 2025"],
    [new Date(Date.UTC(2025, 2, 5, 12)), "UTC", {}, "Mar 5, 2025"],
  ] as const)("formatDate(%s, %s, %o) is %s", (value, zone, options, expected) => {
    expect(spaces(formatDate(value, zone, options))).toBe(expected);
  });

  it("rejects an invalid date", () => {
    expect(() => formatDate("not a date", "UTC")).toThrow(RangeError);
  });
});

describe("formatDateRange", () => {
  it.each([
    ["2025-03-05", "2025-03-12", "America/New_York", {}, `Mar 5 – 12, 2025`],
    ["2025-03-05", "2025-04-12", "America/New_York", {}, `Mar 5 – Apr 12, 2025`],
    ["2024-12-05", "2025-01-12", "America/New_York", {}, `Dec 5, 2024 – Jan 12, 2025`],
    ["2025-03-05", "2025-03-05", "UTC", {}, "Mar 5, 2025"],
    ["2025-03-05T03:00:00Z", "2025-03-12T03:00:00Z", "America/New_York", {}, `Mar 4 – 11, 2025`],
    ["2025-03-05T03:00:00Z", "2025-03-12", "America/New_York", {}, `Mar 4 – 12, 2025`],
    [
      "2025-03-05T12:00:00Z",
      "2025-03-05T15:00:00Z",
      "America/New_York",
      { withTime: true },
      `Mar 5, 2025, 7:00 – 10:00 AM`,
    ],
  ] as const)("formatDateRange(%s, %s, %s, %o) is %s", (start, end, zone, options, expected) => {
    expect(spaces(formatDateRange(start, end, zone, options))).toBe(expected);
  });
});
