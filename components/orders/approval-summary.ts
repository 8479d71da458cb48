import { formatCount } from "@/lib/format";
import { plural } from "@/lib/format/units";
import type { ApprovalReservation } from "@/lib/inventory/approval-reservations";

/**
 * What bulk approve will do to the selected orders, in words: how many it approves and
 * the inventory that reserves, and how many it leaves alone (not pending review).
 */
export function approvalSummary(
  selected: readonly string[],
  approvals: Readonly<Record<string, ApprovalReservation>>,
): { lines: string[]; confirmLabel: string } {
  const approving = selected.filter((id) => approvals[id]);
  const skipped = selected.length - approving.length;
  const total = approving.reduce(
    (sum, id) => ({
      lineItems: sum.lineItems + approvals[id].lineItems,
      impressions: sum.impressions + approvals[id].impressions,
      sponsorshipDays: sum.sponsorshipDays + approvals[id].sponsorshipDays,
    }),
    { lineItems: 0, impressions: 0, sponsorshipDays: 0 },
  );
  const lines: string[] = [];
  if (approving.length === 0) {
    lines.push("None of the selected orders is waiting for review, so nothing will be approved.");
  } else {
    const held = [
      total.impressions > 0 && plural(total.impressions, "impression", "impressions"),
      total.sponsorshipDays > 0 && plural(total.sponsorshipDays, "sponsorship day", "sponsorship days"),
    ].filter(Boolean);
    lines.push(
      total.lineItems > 0
        ? `Approving ${plural(approving.length, "order", "orders")} reserves inventory for ${plural(total.lineItems, "line item", "line items")}: ${held.join(" and ")}.`
        : `Approving ${plural(approving.length, "order", "orders")} reserves no inventory (click-priced line items only).`,
    );
    lines.push("An order whose days are sold out is not approved; the others still are.");
  }
  if (skipped > 0) {
    lines.push(
      skipped === 1
        ? "1 selected order is not pending review and stays as it is."
        : `${formatCount(skipped)} selected orders are not pending review and stay as they are.`,
    );
  }
  return {
    lines,
    confirmLabel: approving.length > 0 ? `Approve ${plural(approving.length, "order", "orders")}` : "Approve",
  };
}
