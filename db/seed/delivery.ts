import { addDays, type CalendarDay, dayCount, dayRange } from "@/lib/core/days";
import { dailyTraffic } from "./inventory";
import type { Rng } from "./random";
import type { LinePlan, PlannedDeliveryDay } from "./types";

/** Value of delivered units at the line's rate, minor units, never more than the line's amount. */
export function deliveredValue(line: LinePlan): number {
  const value =
    line.model === "cpm"
      ? Math.round((line.rate * line.deliveredImpressions) / 1000)
      : line.model === "cpc"
        ? line.rate * line.deliveredClicks
        : line.rate * line.countries.length * line.delivery.length;
  return Math.min(value, line.amount);
}

/**
 * Fills in per-day pixel counts for the days a line has run: up to yesterday, or up to
 * the day before it was paused or canceled. Completed lines deliver their full quantity.
 */
export function planDelivery(rng: Rng, line: LinePlan, today: CalendarDay): void {
  const runs = line.status === "delivering" || line.status === "paused" || line.status === "completed";
  const stoppedEarly = line.status === "canceled" && line.stopDay !== null;
  let last = addDays(today, -1);
  if (line.endDate < last) last = line.endDate;
  if (line.stopDay && addDays(line.stopDay, -1) < last) last = addDays(line.stopDay, -1);
  const days = runs || stoppedEarly ? dayRange(line.startDate, last) : [];
  const complete = line.status === "completed";
  const totalDays = dayCount(line.startDate, line.endDate);
  const traffic = line.countries.reduce((sum, country) => sum + dailyTraffic(line.zone.spec, country), 0);
  const pace = complete ? 1 : rng.between(0.85, 1.08);
  const weights = days.map(() => rng.between(0.85, 1.15));

  const rows: PlannedDeliveryDay[] = days.map((day, i) => {
    let impressions: number;
    let clicks: number;
    if (line.model === "cpm") {
      impressions = Math.round((line.quantity / totalDays) * pace * weights[i]);
      clicks = Math.round(impressions * rng.between(0.001, 0.004));
    } else if (line.model === "cpc") {
      clicks = Math.round((line.quantity / totalDays) * pace * weights[i]);
      impressions = Math.round(clicks / rng.between(0.006, 0.015));
    } else {
      impressions = Math.round(traffic * rng.between(0.8, 1.05));
      clicks = Math.round(impressions * rng.between(0.002, 0.006));
    }
    return { day, impressions, clicks, conversions: 0, uniques: 0 };
  });

  if (complete && rows.length > 0 && line.model !== "cpd") {
    // A completed line delivered its quantity (a touch over, as ad servers do).
    const field = line.model === "cpm" ? "impressions" : "clicks";
    const target = Math.round(line.quantity * rng.between(1, 1.02));
    const sum = rows.reduce((s, row) => s + row[field], 0) || 1;
    let assigned = 0;
    rows.forEach((row, i) => {
      row[field] = i === rows.length - 1 ? target - assigned : Math.round((row[field] * target) / sum);
      assigned += row[field];
    });
    if (field === "clicks") for (const row of rows) row.impressions = Math.round(row.clicks / 0.01);
    else for (const row of rows) row.clicks = Math.round(row.impressions * 0.0025);
  }

  if (line.dailyCap !== null) {
    for (const row of rows) row.impressions = Math.min(row.impressions, line.dailyCap);
  }
  for (const row of rows) {
    row.impressions = Math.max(0, row.impressions);
    row.clicks = Math.max(0, Math.min(row.clicks, row.impressions));
    row.conversions = Math.round(row.clicks * rng.between(0.01, 0.05));
    row.uniques = Math.round(row.impressions * rng.between(0.55, 0.75));
  }

  line.delivery = rows;
  line.deliveredImpressions = rows.reduce((s, row) => s + row.impressions, 0);
  line.deliveredClicks = rows.reduce((s, row) => s + row.clicks, 0);
  line.deliveredValue = deliveredValue(line);
}
