import { afterEach, describe, expect, it } from "vitest";
import { daysBetween } from "./days-between";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("daysBetween", () => {
  it.each([
    ["one day", "2030-01-01", "2030-01-01", ["2030-01-01"]],
    [
      "both ends included",
      "2030-01-30",
      "2030-02-02",
      ["2030-01-30", "2030-01-31", "2030-02-01", "2030-02-02"],
    ],
    ["a leap day", "2028-02-28", "2028-03-01", ["2028-02-28", "2028-02-29", "2028-03-01"]],
    ["no leap day", "2027-02-28", "2027-03-01", ["2027-02-28", "2027-03-01"]],
    ["across a year end", "2029-12-31", "2030-01-01", ["2029-12-31", "2030-01-01"]],
    ["an end before the start", "2030-01-02", "2030-01-01", []],
  ])("%s", (_name, start, end, days) => {
    expect(daysBetween(start, end)).toEqual(days);
  });

  it.each(["America/Sao_Paulo", "Europe/Berlin", "Pacific/Kiritimati", "America/Los_Angeles"])(
    "neither repeats nor skips a day around daylight saving in %s",
    (tz) => {
      process.env.TZ = tz;
      expect(daysBetween("2030-03-30", "2030-04-01")).toEqual(["2030-03-30", "2030-03-31", "2030-04-01"]);
      expect(daysBetween("2030-10-26", "2030-10-28")).toEqual(["2030-10-26", "2030-10-27", "2030-10-28"]);
      expect(daysBetween("2030-01-01", "2030-12-31")).toHaveLength(365);
    },
  );

  it.each([
    ["2030-02-30", "2030-03-01"],
    ["2027-02-29", "2027-03-01"],
    ["2030-1-01", "2030-01-02"],
    ["2030-01-01", "tomorrow"],
    ["0099-01-01", "0099-01-02"],
  ])("refuses %s..%s, which is not a range of calendar days", (start, end) => {
    expect(() => daysBetween(start, end)).toThrow(RangeError);
  });
});
