import { describe, expect, it } from "vitest";
import { isNetworkFailure, networkFailure } from "./network-failure";

describe("network failure", () => {
  it("recognizes the browsers' fetch rejections and nothing else", () => {
    expect(isNetworkFailure(new TypeError("Failed to fetch"))).toBe(true);
    expect(isNetworkFailure(new TypeError("NetworkError when attempting to fetch resource."))).toBe(true);
    expect(isNetworkFailure(new TypeError("Load failed"))).toBe(true);
    expect(isNetworkFailure(new TypeError("x is not a function"))).toBe(false);
    expect(isNetworkFailure(new Error("NEXT_REDIRECT"))).toBe(false);
  });

  it("keeps what was typed, never a password", () => {
    const form = new FormData();
    form.set("name", "Spring");
    form.set("password", "hunter2");
    expect(networkFailure(form)).toMatchObject({ ok: false, code: "network", values: { name: "Spring" } });
  });
});
