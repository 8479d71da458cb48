import { describe, expect, it } from "vitest";
import { authRedirectTarget } from "./auth-redirect";

describe("authRedirectTarget", () => {
  it.each([
    ["/publisher", "https://desk.example.com/publisher"],
    ["/login?next=%2Fpublisher", "https://desk.example.com/login?next=%2Fpublisher"],
    ["https://desk.example.com/advertiser/orders", "https://desk.example.com/advertiser/orders"],
    ["http://0.0.0.0:3000/publisher", "https://desk.example.com/"],
    ["http://localhost:3000/publisher", "https://desk.example.com/"],
    ["https://evil.example.net/phish", "https://desk.example.com/"],
    ["//evil.example.net/phish", "https://desk.example.com/"],
    ["https://desk.example.com.evil.example.net/", "https://desk.example.com/"],
    ["javascript:alert(1)", "https://desk.example.com/"],
    ["http://[::1", "https://desk.example.com/"],
  ])("%s → %s", (url, expected) => {
    expect(authRedirectTarget(url, "https://desk.example.com")).toBe(expected);
  });
});
