import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./format-relative-time";

const NOW = new Date("2025-03-05T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe("formatRelativeTime", () => {
  it.each([
    [ago(0), "now"],
    [ago(30 * s), "now"],
    [ago(50 * s), "1 minute ago"],
    [ago(5 * min), "5 minutes ago"],
    [ago(59.6 * min), "1 hour ago"],
    [ago(3 * h), "3 hours ago"],
    [ago(3 * h + 10 * min), "3 hours ago"],
    [ago(23.6 * h), "1 day ago"],
    [ago(2 * d), "2 days ago"],
    [ago(6.6 * d), "1 week ago"],
    [ago(14 * d), "2 weeks ago"],
    [ago(32 * d), "1 month ago"],
    [ago(200 * d), "7 months ago"],
    [ago(360 * d), "1 year ago"],
    [ago(3 * 365 * d), "3 years ago"],
    [ago(-3 * h), "in 3 hours"],
    [ago(-2 * d), "in 2 days"],
    ["2025-03-05T09:00:00Z", "3 hours ago"],
  ])("%s is %s", (value, expected) => {
    expect(formatRelativeTime(value, NOW)).toBe(expected);
  });

  it("uses the locale", () => {
    expect(formatRelativeTime(ago(3 * h), NOW, "de-DE")).toBe("vor 3 Stunden");
  });
});
