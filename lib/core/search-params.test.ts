import { describe, expect, it } from "vitest";
import { firstParam, hrefWith, toURLSearchParams } from "@/lib/core/search-params";

describe("hrefWith", () => {
  it.each([
    [{}, { sort: "name" }, undefined, "?sort=name"],
    [
      { status: "live", page: "3" },
      { sort: "name", dir: "asc", page: null },
      undefined,
      "?status=live&sort=name&dir=asc",
    ],
    [{ status: "live" }, { status: "" }, undefined, "?"],
    [{ status: "live" }, { status: undefined }, "/publisher/orders", "/publisher/orders?"],
    [{ tag: ["a", "b"], q: "x y" }, { page: 2 }, undefined, "?tag=a&tag=b&q=x+y&page=2"],
    [new URLSearchParams("q=acme&page=4"), { page: 5 }, undefined, "?q=acme&page=5"],
    [{ skip: undefined, q: "a&b" }, {}, undefined, "?q=a%26b"],
  ])("hrefWith(%j, %j, %s) is %s", (params, updates, pathname, expected) => {
    expect(hrefWith(params, updates, pathname)).toBe(expected);
  });

  it("does not change the params it was given", () => {
    const params = new URLSearchParams("q=a");
    hrefWith(params, { q: "b" });
    expect(params.toString()).toBe("q=a");
  });
});

describe("firstParam", () => {
  it.each([
    [{ q: "a" }, "a"],
    [{ q: ["a", "b"] }, "a"],
    [{ q: "" }, undefined],
    [{}, undefined],
  ])("%j gives %s", (params, expected) => {
    expect(firstParam(params, "q")).toBe(expected);
    expect(firstParam(toURLSearchParams(params), "q")).toBe(expected);
  });
});
