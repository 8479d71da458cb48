import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  calendarDayIn,
  dayCount,
  dayDiff,
  dayRange,
  earlierDay,
  endOfDayIn,
  isCalendarDay,
  laterDay,
  monthDays,
  startOfDayIn,
} from "./days";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const iso = (at: Date) => at.toISOString();

describe("calendar day arithmetic", () => {
  it.each([
    ["2030-01-01", true],
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2030-02-30", false],
    ["2030-13-01", false],
    ["2030-1-01", false],
    ["2030-01-01T00:00:00Z", false],
    ["tomorrow", false],
    ["0099-01-01", false],
    ["", false],
    [20300101, false],
    [null, false],
  ])("%j is a calendar day: %s", (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
  });

  it.each([
    ["2030-01-31", 1, "2030-02-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2030-01-01", -1, "2029-12-31"],
    ["2030-03-10", 0, "2030-03-10"],
    ["2030-01-01", 365, "2031-01-01"],
  ])("%s + %i days is %s", (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
    expect(dayDiff(day, expected)).toBe(days);
  });

  it("counts the days a range spans, both ends included, and none for a reversed range", () => {
    expect(dayCount("2030-01-01", "2030-01-01")).toBe(1);
    expect(dayCount("2030-01-30", "2030-02-02")).toBe(4);
    expect(dayCount("2030-01-02", "2030-01-01")).toBe(0);
  });

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
  ])("dayRange: %s", (_name, start, end, days) => {
    expect(dayRange(start, end)).toEqual(days);
  });

  it.each(["America/Sao_Paulo", "Europe/Berlin", "Pacific/Kiritimati", "America/Los_Angeles"])(
    "neither repeats nor skips a day around daylight saving in the server's zone %s",
    (tz) => {
      process.env.TZ = tz;
      expect(dayRange("2030-03-30", "2030-04-01")).toEqual(["2030-03-30", "2030-03-31", "2030-04-01"]);
      expect(dayRange("2030-10-26", "2030-10-28")).toEqual(["2030-10-26", "2030-10-27", "2030-10-28"]);
      expect(dayRange("2030-01-01", "2030-12-31")).toHaveLength(365);
      expect(addDays("2030-03-30", 2)).toBe("2030-04-01");
    },
  );

  it.each([
    ["2030-02-30", "2030-03-01"],
    ["2027-02-29", "2027-03-01"],
    ["2030-1-01", "2030-01-02"],
    ["2030-01-01", "tomorrow"],
    ["0099-01-01", "0099-01-02"],
  ])("refuses %s..%s, which is not a range of calendar days", (start, end) => {
    expect(() => dayRange(start, end)).toThrow(RangeError);
    expect(() => dayDiff(start, end)).toThrow(RangeError);
    expect(() => dayCount(start, end)).toThrow(RangeError);
  });

  it("picks the earlier and the later of two days", () => {
    expect(earlierDay("2030-01-31", "2030-02-01")).toBe("2030-01-31");
    expect(earlierDay("2030-02-01", "2030-01-31")).toBe("2030-01-31");
    expect(laterDay("2029-12-31", "2030-01-01")).toBe("2030-01-01");
    expect(laterDay("2030-01-01", "2030-01-01")).toBe("2030-01-01");
  });

  it("refuses to move a day by part of a day", () => {
    expect(() => addDays("2030-01-01", 0.5)).toThrow(RangeError);
  });

  it("lists the days of a month and moves between months", () => {
    expect(monthDays("2028-02")).toHaveLength(29);
    expect(monthDays("2030-02").at(-1)).toBe("2030-02-28");
    expect(monthDays("2030-12")).toEqual(dayRange("2030-12-01", "2030-12-31"));
    expect(addMonths("2030-01", -1)).toBe("2029-12");
    expect(addMonths("2030-12", 1)).toBe("2031-01");
    expect(() => addMonths("2030-13", 1)).toThrow(RangeError);
  });
});

describe("days in a time zone", () => {
  it.each([
    ["UTC", "2024-01-01T12:00:00Z", "2024-01-01"],
    ["Pacific/Kiritimati", "2024-01-01T12:00:00Z", "2024-01-02"],
    ["Pacific/Pago_Pago", "2024-01-01T10:59:59.999Z", "2023-12-31"],
    ["Pacific/Pago_Pago", "2024-01-01T11:00:00Z", "2024-01-01"],
    ["Asia/Kathmandu", "2024-03-01T18:14:59.999Z", "2024-03-01"],
    ["Asia/Kathmandu", "2024-03-01T18:15:00Z", "2024-03-02"],
    ["America/Santiago", "2024-09-08T03:59:59.999Z", "2024-09-07"],
    ["America/Santiago", "2024-09-08T04:00:00Z", "2024-09-08"],
  ])("in %s, %s is on %s", (zone, at, day) => {
    expect(calendarDayIn(new Date(at), zone)).toBe(day);
    expect(calendarDayIn(Date.parse(at), zone)).toBe(day);
  });

  it("refuses a time zone the runtime does not know", () => {
    expect(() => calendarDayIn(new Date(), "Not/A_Zone")).toThrow(RangeError);
    expect(() => startOfDayIn("2030-01-01", "Not/A_Zone")).toThrow(RangeError);
  });

  it.each([
    // [day, zone, first instant of the day, first instant of the next day]
    ["2030-01-05", "UTC", "2030-01-05T00:00:00.000Z", "2030-01-06T00:00:00.000Z"],
    ["2030-01-05", "America/New_York", "2030-01-05T05:00:00.000Z", "2030-01-06T05:00:00.000Z"],
    ["2030-01-05", "Asia/Tokyo", "2030-01-04T15:00:00.000Z", "2030-01-05T15:00:00.000Z"],
    // 23 and 25 hours long: daylight saving starts and ends at 02:00.
    ["2030-03-10", "America/New_York", "2030-03-10T05:00:00.000Z", "2030-03-11T04:00:00.000Z"],
    ["2030-11-03", "America/New_York", "2030-11-03T04:00:00.000Z", "2030-11-04T05:00:00.000Z"],
    // Clocks jump from 24:00 to 01:00: the 7th ends, and the 8th starts, at 01:00 -03.
    ["2024-09-07", "America/Santiago", "2024-09-07T04:00:00.000Z", "2024-09-08T04:00:00.000Z"],
    ["2024-09-08", "America/Santiago", "2024-09-08T04:00:00.000Z", "2024-09-09T03:00:00.000Z"],
    // …and back from 24:00 to 23:00: the 6th has 25 hours.
    ["2024-04-06", "America/Santiago", "2024-04-06T03:00:00.000Z", "2024-04-07T04:00:00.000Z"],
    ["2024-03-10", "America/Havana", "2024-03-10T05:00:00.000Z", "2024-03-11T04:00:00.000Z"],
    ["2024-03-31", "Asia/Beirut", "2024-03-30T22:00:00.000Z", "2024-03-31T21:00:00.000Z"],
    // Clocks go back from 01:00 to 00:00: the day starts at the first of its two midnights.
    ["2024-11-03", "America/Havana", "2024-11-03T04:00:00.000Z", "2024-11-04T05:00:00.000Z"],
    ["2024-01-15", "Asia/Kathmandu", "2024-01-14T18:15:00.000Z", "2024-01-15T18:15:00.000Z"],
    // Half an hour of daylight saving, at 02:00.
    ["2024-10-06", "Australia/Lord_Howe", "2024-10-05T13:30:00.000Z", "2024-10-06T13:00:00.000Z"],
    ["2024-04-07", "Australia/Lord_Howe", "2024-04-06T13:00:00.000Z", "2024-04-07T13:30:00.000Z"],
    // Samoa moved across the date line and skipped the 30th.
    ["2011-12-29", "Pacific/Apia", "2011-12-29T10:00:00.000Z", "2011-12-30T10:00:00.000Z"],
    ["2011-12-30", "Pacific/Apia", "2011-12-30T10:00:00.000Z", "2011-12-30T10:00:00.000Z"],
    ["2011-12-31", "Pacific/Apia", "2011-12-30T10:00:00.000Z", "2011-12-31T10:00:00.000Z"],
  ])("%s in %s runs from %s to %s", (day, zone, start, end) => {
    expect(iso(startOfDayIn(day, zone))).toBe(start);
    expect(iso(endOfDayIn(day, zone))).toBe(end);
  });
});

/** Every zone the runtime knows, with the ones whose clocks change at midnight or by odd amounts drawn more often. */
const zones = fc.oneof(
  fc.constantFrom(...Intl.supportedValuesOf("timeZone")),
  fc.constantFrom(
    "America/Santiago",
    "America/Havana",
    "Asia/Beirut",
    "America/Asuncion",
    "America/Sao_Paulo",
    "Asia/Tehran",
    "Asia/Damascus",
    "Asia/Amman",
    "Asia/Gaza",
    "Africa/Cairo",
    "Africa/Casablanca",
    "America/Scoresbysund",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Antarctica/Troll",
    "Pacific/Kiritimati",
    "Pacific/Apia",
    "Europe/Moscow",
  ),
);
const firstDay = "2000-01-01";
const days = fc.integer({ min: 0, max: dayDiff(firstDay, "2100-12-31") }).map((n) => addDays(firstDay, n));

/** Days of `year` whose following night the zone changed its clocks, read apart from the module under test. */
function clockChangeDays(zone: string, year: number): string[] {
  const format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
  const all = dayRange(`${year}-01-01`, `${year + 1}-01-01`);
  const offsets = all.map((day) => format.format(Date.parse(`${day}T12:00:00Z`)).split(", ")[1]);
  return all.slice(0, -1).filter((_, i) => offsets[i] !== offsets[i + 1]);
}

/** A zone and a day in it, half the time a day around one of its clock changes. */
const zoneDays = fc.oneof(
  fc.tuple(zones, days),
  fc.tuple(zones, fc.integer({ min: 2000, max: 2100 })).chain(([zone, year]) => {
    const changes = clockChangeDays(zone, year).flatMap((day) => [day, addDays(day, 1), addDays(day, 2)]);
    return fc.tuple(fc.constant(zone), changes.length ? fc.constantFrom(...changes) : days);
  }),
);

/** Days that never happened on a zone's calendar. */
const skipped = new Set(["Pacific/Apia 2011-12-30", "Pacific/Fakaofo 2011-12-30"]);
const happened = (zone: string, day: string) => !skipped.has(`${zone} ${day}`);

describe("days in a time zone, over every zone and 2000–2100", () => {
  it("a day starts at an instant on that day, and the instant before is on the day before", () => {
    fc.assert(
      fc.property(zoneDays, ([zone, day]) => {
        fc.pre(happened(zone, day) && happened(zone, addDays(day, -1)));
        const start = startOfDayIn(day, zone).getTime();
        expect(calendarDayIn(start, zone)).toBe(day);
        expect(calendarDayIn(start - 1, zone)).toBe(addDays(day, -1));
      }),
      { numRuns: 1000 },
    );
  });

  it("a day ends where the next one starts, and its last instant is still that day", () => {
    fc.assert(
      fc.property(zoneDays, ([zone, day]) => {
        fc.pre(happened(zone, day));
        const end = endOfDayIn(day, zone).getTime();
        expect(end).toBe(startOfDayIn(addDays(day, 1), zone).getTime());
        expect(calendarDayIn(end - 1, zone)).toBe(day);
        expect(end).toBeGreaterThan(startOfDayIn(day, zone).getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it("every instant lies between the start and the end of its day", () => {
    const instants = fc.integer({
      min: Date.parse("2000-01-01T12:00:00Z"),
      max: Date.parse("2100-12-31T00:00:00Z"),
    });
    fc.assert(
      fc.property(zones, instants, (zone, at) => {
        const day = calendarDayIn(at, zone);
        expect(startOfDayIn(day, zone).getTime()).toBeLessThanOrEqual(at);
        expect(endOfDayIn(day, zone).getTime()).toBeGreaterThan(at);
      }),
      { numRuns: 1000 },
    );
  });

  it("adding days and counting them back agree", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        const moved = addDays(day, n);
        expect(isCalendarDay(moved)).toBe(true);
        expect(dayDiff(day, moved)).toBe(n);
        expect(addDays(moved, -n)).toBe(day);
        expect(moved > day).toBe(n > 0);
      }),
    );
  });

  it("a range has one more day than the difference of its ends, each the day after the last", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 800 }), (from, n) => {
        const to = addDays(from, n);
        const range = dayRange(from, to);
        expect(range).toHaveLength(dayDiff(from, to) + 1);
        expect(range).toHaveLength(dayCount(from, to));
        expect(range[0]).toBe(from);
        expect(range.at(-1)).toBe(to);
        expect(range.slice(1)).toEqual(range.slice(0, -1).map((day) => addDays(day, 1)));
      }),
      { numRuns: 200 },
    );
  });
});
