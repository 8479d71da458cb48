import { addDays } from "@/lib/core/days";
import { type Unit, unitOf } from "@/lib/format/units";
import { sponsorshipDaysOver } from "@/lib/orders/order-snapshot";
import { expectedByToday, pacingPercent, pacingStatus } from "./pacing";
import type { BookedLineItem } from "./report-queries";
import { type BookedFigures, nothingBooked, type ReportUnits } from "./report-row";
import { type LineItemDelivery, summarizeDelivery } from "./summarize-delivery";

/** One booked line item's delivery as of the report's `asOf`, in its own units. */
export type LineItemPacing = LineItemDelivery & { model: BookedLineItem["model"] };

export function pacingOf(li: BookedLineItem, asOf: string, today: string): LineItemPacing {
  // A sponsorship's day is delivered once it is over, and today is not over yet.
  const lastOver = asOf < today ? asOf : addDays(today, -1);
  const delivered =
    li.model === "cpm" ? li.impressions : li.model === "cpc" ? li.clicks : sponsorshipDaysOver(li, lastOver);
  return {
    model: li.model,
    status: li.status,
    amount: li.amount,
    booked: li.quantity,
    delivered,
    expected: expectedByToday(li.quantity, li, asOf),
    // summarizeDelivery() adds these up; the report's counts come from the range query instead.
    impressions: 0,
    clicks: 0,
  };
}

function unitTotals(items: readonly LineItemPacing[], pick: (p: LineItemPacing) => number): ReportUnits {
  const out: Record<Unit, number> = { impressions: 0, clicks: 0, days: 0 };
  for (const p of items) out[unitOf[p.model]] += pick(p);
  return out;
}

/**
 * Delivered vs booked and pacing of a set of line items. One line item is judged in its
 * own units, as on the order's delivery page; several are weighted by value, as the
 * order's totals are (summarizeDelivery), because impressions, clicks and days do not add up.
 */
export function bookedFigures(items: readonly LineItemPacing[]): BookedFigures {
  if (items.length === 0) return nothingBooked;
  const booked = unitTotals(items, (p) => p.booked);
  const delivered = unitTotals(items, (p) => p.delivered);
  if (items.length === 1) {
    const [p] = items;
    return {
      lineItems: 1,
      booked,
      delivered,
      deliveredPercent: (p.delivered / p.booked) * 100,
      expectedPercent: (p.expected / p.booked) * 100,
      pacingPercent: pacingPercent(p.delivered, p.expected),
      pacing: pacingStatus(p.delivered, p.expected, p.booked),
    };
  }
  const summary = summarizeDelivery(items);
  // Shares are fractions; compared in millionths of a percent so 110.000000001% is still 110%.
  const scaled = (percent: number) => Math.round(percent * 1e6);
  return {
    lineItems: items.length,
    booked,
    delivered,
    deliveredPercent: summary.deliveredPercent,
    expectedPercent: summary.expectedPercent,
    pacingPercent: summary.pacingPercent,
    pacing: pacingStatus(scaled(summary.deliveredPercent), scaled(summary.expectedPercent), scaled(100)),
  };
}
