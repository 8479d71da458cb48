import type { Unit } from "@/lib/format/units";
import type { PacingStatus } from "./pacing";

/** Booked or delivered units, per pricing model: CPM counts impressions, CPC clicks, CPD days. */
export type ReportUnits = Record<Unit, number>;

/** One row of the delivery report: a day, or a line item, zone, property or advertiser. */
export type DeliveryReportRow = {
  /** The day ("2030-01-10") or the group's id, as text. */
  key: string;
  /** The line item, zone, property or advertiser id; null for days. */
  id: number | null;
  label: string;
  orderId: number | null;
  order: string | null;
  zone: string | null;
  property: string | null;
  advertiser: string | null;
  /** Counted within the range. */
  impressions: number;
  clicks: number;
  conversions: number;
  /** Percent; null without impressions. */
  ctr: number | null;
  /** Booked line items of the group whose dates overlap the range; 0 for days. */
  lineItems: number;
  /** Quantity of those line items; null for days and groups with nothing booked in the range. */
  booked: ReportUnits | null;
  /** What those line items delivered from their start through `asOf`. */
  delivered: ReportUnits | null;
  /** Delivered ÷ booked, percent; for several line items weighted by value (see summarizeDelivery). */
  deliveredPercent: number | null;
  /** Expected by `asOf` on an even spread over each flight ÷ booked, percent. */
  expectedPercent: number | null;
  /** Delivered ÷ expected, percent; null before anything is expected. */
  pacingPercent: number | null;
  pacing: PacingStatus | null;
};

export type DeliveryReportTotals = Omit<
  DeliveryReportRow,
  "key" | "id" | "label" | "orderId" | "order" | "zone" | "property" | "advertiser"
>;

/** The row's names: which order, zone, property and advertiser it stands for. */
export type RowNames = Pick<DeliveryReportRow, "orderId" | "order" | "zone" | "property" | "advertiser">;

/** The figures that come from booked line items rather than from the counts. */
export type BookedFigures = Pick<
  DeliveryReportRow,
  "lineItems" | "booked" | "delivered" | "deliveredPercent" | "expectedPercent" | "pacingPercent" | "pacing"
>;

export const nothingBooked: BookedFigures = {
  lineItems: 0,
  booked: null,
  delivered: null,
  deliveredPercent: null,
  expectedPercent: null,
  pacingPercent: null,
  pacing: null,
};

/** A row with no names, nothing counted and nothing booked yet. */
export function emptyRow(key: string, id: number | null, label: string): DeliveryReportRow {
  return {
    key,
    id,
    label,
    orderId: null,
    order: null,
    zone: null,
    property: null,
    advertiser: null,
    impressions: 0,
    clicks: 0,
    conversions: 0,
    ctr: null,
    ...nothingBooked,
  };
}
