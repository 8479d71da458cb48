import { describe, expect, it } from "vitest";
import { approvalSummary } from "./approval-summary";

const approvals = {
  "1": { lineItems: 2, impressions: 12_000, sponsorshipDays: 0 },
  "2": { lineItems: 1, impressions: 0, sponsorshipDays: 6 },
};

describe("approvalSummary", () => {
  it("adds up what the approvable selected orders reserve and names those left alone", () => {
    expect(approvalSummary(["1", "2", "9"], approvals)).toEqual({
      lines: [
        "Approving 2 orders reserves inventory for 3 line items: 12,000 impressions and 6 sponsorship days.",
        "An order whose days are sold out is not approved; the others still are.",
        "1 selected order is not pending review and stays as it is.",
      ],
      confirmLabel: "Approve 2 orders",
    });
  });

  it("says nothing will be approved when no selected order is pending review", () => {
    expect(approvalSummary(["9"], approvals).lines[0]).toMatch(/nothing will be approved/);
  });
});
