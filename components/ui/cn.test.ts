import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("skips falsy values", () => {
    expect(cn("a", false, null, undefined, "b")).toBe("a b");
  });

  it("lets a later Tailwind class override an earlier one of the same property", () => {
    expect(cn("px-4 py-2 bg-slate-100", "px-2", { "bg-red-50": true })).toBe("py-2 px-2 bg-red-50");
  });
});
