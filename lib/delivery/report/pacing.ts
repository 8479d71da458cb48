import { dayCount } from "@/lib/core/days";

export type PacingStatus = "not_started" | "behind" | "on_track" | "ahead" | "delivered";

/**
 * What should have been delivered by the end of `today` if delivery were spread evenly
 * over the flight: booked × (days of the flight through today ÷ days in the flight).
 */
export function expectedByToday(
  booked: number,
  flight: { startDate: string; endDate: string },
  today: string,
): number {
  const total = dayCount(flight.startDate, flight.endDate);
  if (total === 0 || today < flight.startDate) return 0;
  const elapsed = Math.min(total, dayCount(flight.startDate, today));
  return Math.round((booked * elapsed) / total);
}

/** Delivered as a share of expected, in percent; null before anything is expected. */
export function pacingPercent(delivered: number, expected: number): number | null {
  return expected > 0 ? (delivered / expected) * 100 : null;
}

/** Within 10% of the even pace is on track; booked volume reached is delivered. */
export function pacingStatus(delivered: number, expected: number, booked: number): PacingStatus {
  if (booked > 0 && delivered >= booked) return "delivered";
  if (expected <= 0) return "not_started";
  // Compared in whole numbers: 1,100 of 1,000 is exactly 110%, which floats would put past it.
  if (delivered * 100 < expected * 90) return "behind";
  if (delivered * 100 > expected * 110) return "ahead";
  return "on_track";
}

export const pacingLabels: Record<PacingStatus, string> = {
  not_started: "Not started",
  behind: "Behind",
  on_track: "On track",
  ahead: "Ahead",
  delivered: "Delivered",
};

/** Click-through rate in percent; null without impressions. */
export function clickThroughRate(impressions: number, clicks: number): number | null {
  return impressions > 0 ? (clicks / impressions) * 100 : null;
}
