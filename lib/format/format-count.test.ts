import { describe, expect, it } from "vitest";
import { formatCount } from "./format-count";

describe("formatCount", () => {
  it.each([
    [0, undefined, "0"],
    [999, undefined, "999"],
    [1234, undefined, "1,234"],
    [1234567, undefined, "1,234,567"],
    [-1234, undefined, "-1,234"],
    [1234567890123456789n, undefined, "1,234,567,890,123,456,789"],
    [1234567, "de-DE", "1.234.567"],
    [1234567, "en-IN", "12,34,567"],
    [12.345, undefined, "12.35"],
  ])("formatCount(%s, %s) is %s", (value, locale, expected) => {
    expect(formatCount(value, locale)).toBe(expected);
  });
});
