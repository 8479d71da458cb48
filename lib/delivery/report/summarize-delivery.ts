import { clickThroughRate, pacingPercent } from "./pacing";

/** What one line item booked, delivered and was expected to by now, in its own units. */
export type LineItemDelivery = {
  status: string;
  amount: number;
  booked: number;
  delivered: number;
  expected: number;
  impressions: number;
  clicks: number;
};

/**
 * Figures over several line items. Models count different units (impressions, clicks,
 * days), so delivered and expected shares weigh each open line item by its value.
 */
export function summarizeDelivery(items: readonly LineItemDelivery[]) {
  const impressions = items.reduce((sum, li) => sum + li.impressions, 0);
  const clicks = items.reduce((sum, li) => sum + li.clicks, 0);
  const open = items.filter((li) => li.status !== "canceled" && li.booked > 0);
  const value = open.reduce((sum, li) => sum + li.amount, 0);
  const share = (part: (li: LineItemDelivery) => number) => {
    if (open.length === 0) return 0;
    const total =
      value > 0
        ? open.reduce((sum, li) => sum + li.amount * part(li), 0) / value
        : open.reduce((sum, li) => sum + part(li), 0) / open.length;
    return total * 100;
  };
  const deliveredPercent = share((li) => Math.min(1, li.delivered / li.booked));
  const expectedPercent = share((li) => li.expected / li.booked);
  return {
    impressions,
    clicks,
    ctr: clickThroughRate(impressions, clicks),
    deliveredPercent,
    expectedPercent,
    pacingPercent: pacingPercent(deliveredPercent, expectedPercent),
  };
}
