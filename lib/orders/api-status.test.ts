import { describe, expect, it } from "vitest";
import { noMoney } from "@/lib/money/owed";
import { apiStatus, orderActionForApi } from "./api-status";
import type { OrderStatus } from "./types";

describe("apiStatus", () => {
  it.each<[OrderStatus, boolean, string]>([
    ["draft", false, "pending"],
    ["quote_requested", false, "pending"],
    ["quoted", false, "pending"],
    ["pending_review", false, "pending"],
    ["approved", false, "pending"],
    ["live", false, "playing"],
    ["paused", false, "paused"],
    ["completed", false, "stopped"],
    ["canceled", false, "stopped"],
    ["canceled", true, "refunded"],
    ["rejected", false, "stopped"],
    ["archived", false, "archived"],
    ["archived", true, "archived"],
  ])("%s (credit refunded: %s) is %s", (status, creditRefunded, expected) => {
    // Paid 500, credited 500 back; refunded or not.
    const money = { ...noMoney, charged: 500, paid: 500, credited: 500, refunded: creditRefunded ? 500 : 0 };
    expect(apiStatus({ status, money })).toBe(expected);
  });
});

describe("orderActionForApi", () => {
  it("maps seed 002's process actions onto the machine", () => {
    expect(orderActionForApi("play", { status: "approved" })).toBe("start");
    expect(orderActionForApi("play", { status: "paused" })).toBe("resume");
    expect(orderActionForApi("pause", { status: "live" })).toBe("pause");
    expect(orderActionForApi("stop", { status: "live" })).toBe("cancel");
    expect(orderActionForApi("refund", { status: "canceled" })).toBe("refund");
    expect(orderActionForApi("archive", { status: "canceled" })).toBe("archive");
  });
});
