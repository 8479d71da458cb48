import { describe, expect, it } from "vitest";
import { type LinkedCreative, lineItemCreativeState } from "./line-item-creative-state";

const approved: LinkedCreative = { reviewStatus: "approved", reviewReason: null };
const pending: LinkedCreative = { reviewStatus: "pending", reviewReason: null };
const rejected = (reason: string | null): LinkedCreative => ({
  reviewStatus: "rejected",
  reviewReason: reason,
});

describe("lineItemCreativeState says whether a line item can serve, and why not", () => {
  it.each([
    ["no creative", [], { serving: false, reason: "No creative assigned" }],
    ["one approved", [approved], { serving: true, reason: null }],
    [
      "approved beside pending and rejected",
      [rejected("Blurry"), pending, approved],
      { serving: true, reason: null },
    ],
    ["only pending", [pending], { serving: false, reason: "Creative pending review" }],
    [
      "pending beside rejected",
      [rejected("Blurry"), pending],
      { serving: false, reason: "Creative pending review" },
    ],
    [
      "only rejected",
      [rejected("Text too small")],
      { serving: false, reason: "Creative rejected: Text too small" },
    ],
    ["rejected without a reason", [rejected(null)], { serving: false, reason: "Creative rejected" }],
    [
      "the first reason given",
      [rejected("  "), rejected("Wrong size")],
      { serving: false, reason: "Creative rejected: Wrong size" },
    ],
  ] as const)("%s", (_, creatives, expected) => {
    expect(lineItemCreativeState(creatives)).toEqual(expected);
  });
});
