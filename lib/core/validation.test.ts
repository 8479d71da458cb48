import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  calendarDay,
  id,
  idList,
  maxId,
  optionalId,
  optionalText,
  parseId,
  text,
  wholeNumber,
} from "./validation";

const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).data;
const refused = (schema: z.ZodType, value: unknown) => !schema.safeParse(value).success;

describe("id", () => {
  it.each([
    [1, 1],
    ["1", 1],
    ["42", 42],
    [maxId, maxId],
    [String(maxId), maxId],
    ["007", 7],
  ])("accepts %j as %j", (input, expected) => {
    expect(ok(id(), input)).toBe(expected);
  });

  it.each([
    ["0x10"],
    ["1e3"],
    [" 12"],
    ["12 "],
    [""],
    ["1.5"],
    [1.5],
    [0],
    ["0"],
    [-1],
    ["-1"],
    [maxId + 1],
    ["2147483648"],
    [9_999_999_999],
    ["9999999999"],
    [1767225600000],
    [new Date("2026-01-01T00:00:00Z")],
    [true],
    [false],
    [null],
    [undefined],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [[1]],
    [{}],
    ["99999999999999999999999"],
  ])("refuses %j", (input) => {
    expect(refused(id(), input)).toBe(true);
  });

  it("names the field in an object's errors", () => {
    const result = z.object({ zoneId: id() }).safeParse({ zoneId: "9999999999" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["zoneId"]);
    expect(result.error?.issues[0].message).toContain("2,147,483,647");
  });

  it("agrees with parseId for any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean()), (value) => {
        const parsed = parseId(value);
        if (parsed === null) return;
        expect(Number.isInteger(parsed) && parsed >= 1 && parsed <= maxId).toBe(true);
      }),
    );
  });
});

describe("optionalId and idList", () => {
  it("treats a blank form field as left out", () => {
    const schema = z.object({ advertiserId: optionalId() });
    expect(schema.parse({ advertiserId: "" })).toEqual({ advertiserId: undefined });
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ advertiserId: "12" })).toEqual({ advertiserId: 12 });
    expect(schema.safeParse({ advertiserId: "2147483648" }).success).toBe(false);
    expect(schema.safeParse({ advertiserId: true }).success).toBe(false);
  });

  it("reads one checkbox or several as a list of ids", () => {
    const ids = idList({ min: 1, tooFew: "Choose at least one." });
    expect(ids.parse("3")).toEqual([3]);
    expect(ids.parse(["3", 4])).toEqual([3, 4]);
    expect(ids.safeParse([]).error?.issues[0].message).toBe("Choose at least one.");
    expect(ids.safeParse(["3", "2147483648"]).success).toBe(false);
    expect(ids.safeParse(["0x10"]).success).toBe(false);
    expect(idList().parse(undefined)).toEqual([]);
  });
});

describe("wholeNumber", () => {
  it("keeps the caller's messages", () => {
    const quantity = wholeNumber({
      min: 1,
      max: 100,
      invalid: "Whole.",
      tooSmall: "Small.",
      tooLarge: "Big.",
    });
    expect(quantity.safeParse("abc").error?.issues[0].message).toBe("Whole.");
    expect(quantity.safeParse("0").error?.issues[0].message).toBe("Small.");
    expect(quantity.safeParse(101).error?.issues[0].message).toBe("Big.");
    expect(quantity.parse("100")).toBe(100);
  });
});

describe("text", () => {
  const name = text({ min: 2, max: 10, required: "Enter a name." });

  it("trims and bounds the text", () => {
    expect(ok(name, "  Ada  ")).toBe("Ada");
    expect(name.safeParse(" a ").error?.issues[0].message).toBe("Enter a name.");
    expect(refused(name, "x".repeat(11))).toBe(true);
    expect(refused(name, 12)).toBe(true);
  });

  it("refuses NUL bytes anywhere, naming the field", () => {
    for (const value of ["\u0000", "Ada\u0000", "A\u0000da", "\u0000Ada"]) {
      const result = z.object({ q: text({ max: 200 }) }).safeParse({ q: value });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["q"]);
      expect(result.error?.issues[0].message).toMatch(/NUL/);
    }
  });

  it("optional text: blank is left out", () => {
    const reason = optionalText({ max: 20 });
    expect(ok(reason, "   ")).toBeUndefined();
    expect(ok(reason, undefined)).toBeUndefined();
    expect(ok(reason, " why ")).toBe("why");
    expect(refused(reason, "why\u0000")).toBe(true);
  });
});

describe("calendarDay", () => {
  it.each(["2026-01-31", "2024-02-29", "2000-01-01", "2100-12-31"])("accepts %s", (day) => {
    expect(ok(calendarDay(), day)).toBe(day);
  });

  it.each([
    "9999-12-31",
    "0001-01-01",
    "1999-12-31",
    "2101-01-01",
    "2026-02-30",
    "2025-02-29",
    "2026-13-01",
    "2026-1-1",
    " 2026-01-01",
    "2026-01-01T00:00:00Z",
    "",
    1767225600000,
    null,
  ])("refuses %j", (day) => {
    expect(refused(calendarDay(), day)).toBe(true);
  });
});
