import { dayDiff } from "@/lib/core/days";
import { formatMoney } from "@/lib/format/format-money";
import { countOf, plural } from "@/lib/format/units";
import type { OrderStatus } from "./types";

type Facts = {
  status: OrderStatus;
  /** Staff who may act, read-only viewers (told what is waiting, never asked to act), or the advertiser. */
  audience: "staff" | "viewer" | "advertiser";
  currency: string;
  today: string;
  startDate: string | null;
  prepayRequired: boolean;
  balanceDue: number;
  refundable: number;
  lineItems: { status: string; blockedReason: string | null; creativesPending: number }[];
};

/** Recommended next steps (seed 001), computed from the order's state for whoever is looking. */
export function nextSteps(f: Facts): string[] {
  const steps: string[] = [];
  const staff = f.audience !== "advertiser";
  const viewer = f.audience === "viewer";
  const open = f.lineItems.filter((li) => !["canceled", "completed"].includes(li.status));
  const noCreative = open.filter((li) => li.blockedReason?.startsWith("No creative")).length;
  const rejected = open.filter((li) => li.blockedReason?.startsWith("Creative rejected")).length;
  const pending = open.reduce((n, li) => n + li.creativesPending, 0);

  if (f.status === "pending_review") {
    steps.push(
      viewer
        ? "Waiting for an owner, admin or sales manager to approve or reject the order."
        : staff
          ? "Review the order: approve it to reserve inventory, or reject it with a reason."
          : "The publisher is reviewing your order.",
    );
  }
  if (f.status === "quote_requested") {
    steps.push(
      viewer
        ? "Waiting for an owner, admin or sales manager to send a quote."
        : staff
          ? "Send a quote: price, plan, expiry and estimated completion."
          : "Waiting for the publisher's quote.",
    );
  }
  if (f.status === "quoted") {
    steps.push(staff ? "Waiting for the advertiser to accept the quote." : "Accept or decline the quote.");
  }
  if (["approved", "live", "paused", "pending_review"].includes(f.status)) {
    if (noCreative) {
      steps.push(
        staff
          ? `${plural(noCreative, "line item has", "line items have")} no approved creative.`
          : `Upload a creative for ${plural(noCreative, "line item", "line items")}.`,
      );
    }
    if (rejected)
      steps.push(`${plural(rejected, "line item has", "line items have")} a rejected creative to replace.`);
    if (pending && staff)
      steps.push(
        `${plural(pending, "creative is", "creatives are")} waiting for ${viewer ? "review" : "your review"}.`,
      );
  }
  if (["approved", "live", "paused"].includes(f.status) && f.balanceDue > 0) {
    const amount = formatMoney(f.balanceDue, f.currency);
    steps.push(
      staff
        ? `Payment not received: ${amount} outstanding${f.prepayRequired ? " (prepay required before delivery)" : ""}.`
        : `Pay ${amount}${f.prepayRequired ? " before your campaign can start" : ""}.`,
    );
  }
  if (f.status === "approved" && f.startDate && f.startDate > f.today) {
    const days = dayDiff(f.today, f.startDate);
    steps.push(`Starts in ${countOf(days, "days")}.`);
  }
  if (f.status === "paused")
    steps.push(staff && !viewer ? "Resume the order when it may deliver again." : "The order is paused.");
  if (f.status === "canceled" && f.refundable > 0 && staff) {
    const amount = formatMoney(f.refundable, f.currency);
    steps.push(
      viewer
        ? `${amount} of outstanding credit is waiting to be refunded.`
        : `Refund ${amount} of outstanding credit.`,
    );
  }
  if (
    ["completed", "rejected", "canceled"].includes(f.status) &&
    staff &&
    !viewer &&
    !(f.status === "canceled" && f.refundable > 0)
  ) {
    steps.push("Archive the order to hide it from the default lists.");
  }
  return steps;
}

const workflow: OrderStatus[] = ["pending_review", "approved", "live", "completed"];

/** How far along the workflow an order is, 0–100, for the header's progress bar. */
export function workflowProgress(status: OrderStatus): number {
  if (status === "draft") return 0;
  if (status === "quote_requested" || status === "quoted") return 15;
  if (status === "paused") return 60;
  if (["canceled", "rejected", "archived"].includes(status)) return 100;
  const index = workflow.indexOf(status);
  return Math.round((index / (workflow.length - 1)) * 100);
}
