import { describe, expect, it } from "vitest";
import { statusFamily, statusLabel } from "./status";

describe("order and line item statuses", () => {
  it.each([
    ["draft", "waiting", "Draft"],
    ["quote_requested", "waiting", "Quote requested"],
    ["quoted", "waiting", "Quoted"],
    ["pending_review", "waiting", "Pending review"],
    ["approved", "waiting", "Approved"],
    ["live", "active", "Live"],
    ["paused", "paused", "Paused"],
    ["completed", "done", "Completed"],
    ["archived", "done", "Archived"],
    ["canceled", "stopped", "Canceled"],
    ["rejected", "stopped", "Rejected"],
    ["pending", "waiting", "Pending"],
    ["ready", "waiting", "Ready"],
    ["delivering", "active", "Delivering"],
  ])("%s is %s, labelled %s", (status, family, label) => {
    expect(statusFamily(status)).toBe(family);
    expect(statusLabel(status)).toBe(label);
  });

  it.each([
    ["partially_paid", "Partially paid"],
    ["constructor", "Constructor"],
  ])("an unknown status %s has no family and reads %s", (status, label) => {
    expect(statusFamily(status)).toBeUndefined();
    expect(statusLabel(status)).toBe(label);
  });
});
