import { describe, expect, it } from "vitest";
import { endOfDayIn } from "@/lib/core/days";
import { quoteValidThrough } from "./quote-validity";

describe("quote expiry days", () => {
  it.each([
    ["2030-01-05", "UTC", "2030-01-06T00:00:00.000Z"],
    ["2030-01-05", "America/New_York", "2030-01-06T05:00:00.000Z"],
    ["2030-07-05", "America/New_York", "2030-07-06T04:00:00.000Z"],
    ["2030-01-05", "Asia/Tokyo", "2030-01-05T15:00:00.000Z"],
    // Daylight saving starts on 2030-03-10 in New York: the day is 23 hours long.
    ["2030-03-10", "America/New_York", "2030-03-11T04:00:00.000Z"],
    // In Santiago the clocks jump from 24:00 to 01:00: the 7th ends at 01:00 on the 8th (UTC−3), not at 23:00.
    ["2024-09-07", "America/Santiago", "2024-09-08T04:00:00.000Z"],
  ])("valid until %s in %s ends at %s", (day, zone, instant) => {
    const end = endOfDayIn(day, zone);
    expect(end.toISOString()).toBe(instant);
    expect(quoteValidThrough(end, zone)).toBe(day);
  });
});
