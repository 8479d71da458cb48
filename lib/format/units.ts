import type { PricingModel } from "@/db/schema/enums";
import { formatCount } from "./format-count";

/** What each pricing model sells and counts: CPM impressions, CPC clicks, CPD days. */
export const unitOf = {
  cpm: "impressions",
  cpc: "clicks",
  cpd: "days",
} as const satisfies Record<PricingModel, string>;
export type Unit = (typeof unitOf)[PricingModel];
export const units: readonly Unit[] = ["impressions", "clicks", "days"];

const singular: Record<Unit, string> = { impressions: "impression", clicks: "click", days: "day" };

/** A count's column or field name: "Impressions", "Clicks", "Days". */
export const unitTitle: Record<Unit, string> = { impressions: "Impressions", clicks: "Clicks", days: "Days" };

/** The model's short name, as zones are labelled: "CPM", "CPC", "CPD". */
export const modelName: Record<PricingModel, string> = { cpm: "CPM", cpc: "CPC", cpd: "CPD" };

/** What one rate buys. A CPD line item buys one slot per country, so its rate is per day and country. */
export const ratePer: Record<PricingModel, string> = {
  cpm: "per 1,000 impressions",
  cpc: "per click",
  cpd: "per day and country",
};

/** plural(1, "row", "rows") is "1 row"; plural(0, …) and plural(1200, …) "0 rows", "1,200 rows". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The unit's noun for `n` of it: unitName(1, "clicks") is "click", unitName(0, "clicks") "clicks". */
export function unitName(n: number, unit: Unit): string {
  return n === 1 ? singular[unit] : unit;
}

/** countOf(1, "clicks") is "1 click"; countOf(0, "clicks") is "0 clicks". */
export function countOf(n: number, unit: Unit): string {
  return `${formatCount(n)} ${unitName(n, unit)}`;
}

/** deliveredOf(0, 1, "clicks") is "0 of 1 click": the noun follows what was booked. */
export function deliveredOf(delivered: number, booked: number, unit: Unit): string {
  return `${formatCount(delivered)} of ${countOf(booked, unit)}`;
}
