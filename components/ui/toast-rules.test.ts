import { describe, expect, it } from "vitest";
import { toastId, trimErrors } from "./toast-rules";

describe("toast rules", () => {
  it("gives a form's errors one id, so a new failure replaces the old one", () => {
    expect(toastId("error", "form-a", 1)).toBe(toastId("error", "form-a", 2));
    expect(toastId("error", undefined, 1)).not.toBe(toastId("error", undefined, 2));
    expect(toastId("success", "form-a", 3)).toBe("success:3");
  });

  it("keeps at most three errors on screen, closing the oldest", () => {
    const first = trimErrors(["a", "b"], "c");
    expect(first).toEqual({ open: ["a", "b", "c"], close: [] });
    expect(trimErrors(first.open, "d")).toEqual({ open: ["b", "c", "d"], close: ["a"] });
  });

  it("moves a repeated error to the front instead of counting it twice", () => {
    expect(trimErrors(["a", "b", "c"], "a")).toEqual({ open: ["b", "c", "a"], close: [] });
  });
});
