import { describe, expect, it } from "vitest";
import { machineActor } from "./machine-actor";

describe("machineActor", () => {
  const order = { advertiserId: 5 };

  it("knows an advertiser's own orders", () => {
    const advertiser = { kind: "advertiser", userId: 1, publisherId: 2, advertiserId: 5 } as const;
    expect(machineActor(advertiser, order)).toEqual({ role: "advertiser", ownsOrder: true, permissions: [] });
    expect(machineActor({ ...advertiser, advertiserId: 6 }, order).ownsOrder).toBe(false);
  });

  it("carries a staff member's role and permissions", () => {
    const staff = {
      kind: "staff",
      userId: 1,
      publisherId: 2,
      role: "sales_manager",
      permissions: ["confirm_sales"],
    } as const;
    expect(machineActor({ ...staff, permissions: [...staff.permissions] }, order)).toEqual({
      role: "sales_manager",
      ownsOrder: false,
      permissions: ["confirm_sales"],
    });
  });

  it("names API clients and the system by kind", () => {
    expect(machineActor({ kind: "api", publisherId: 2, apiKeyId: 3, scopes: ["read"] }, order).role).toBe(
      "api",
    );
    expect(machineActor({ kind: "system" }, order).role).toBe("system");
  });
});
