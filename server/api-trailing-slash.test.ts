import { describe, expect, it } from "vitest";
import { withoutApiTrailingSlash } from "./api-trailing-slash";

describe("withoutApiTrailingSlash", () => {
  it("drops the trailing slash of REST API paths only, keeping the query", () => {
    expect(withoutApiTrailingSlash("/api/v1/orders/")).toBe("/api/v1/orders");
    expect(withoutApiTrailingSlash("/api/v1/orders/?page=2&pagesize=5")).toBe(
      "/api/v1/orders?page=2&pagesize=5",
    );
    expect(withoutApiTrailingSlash("/api/v1/orders/process/")).toBe("/api/v1/orders/process");
    expect(withoutApiTrailingSlash("/api/v1/orders/12.xml")).toBe("/api/v1/orders/12.xml");
    expect(withoutApiTrailingSlash("/publisher/")).toBe("/publisher/");
    expect(withoutApiTrailingSlash("/api/quote/")).toBe("/api/quote/");
  });
});
