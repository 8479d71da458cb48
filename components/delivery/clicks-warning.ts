import { countOf } from "@/lib/format/units";

/** A count as typed or as written in a CSV ("1200", "1,200"), or null when it is not one. */
function readCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) && !/^\d{1,3}(,\d{3})+$/.test(trimmed)) return null;
  return Number(trimmed.replaceAll(",", ""));
}

/**
 * "50 clicks against 10 impressions" when more clicks than impressions are about to be
 * saved: possible (a click tracker counts what the ad server missed) but usually a typo
 * or swapped columns, so the person confirms it first. Null when the numbers look sane
 * or are not numbers yet (the server names those).
 */
export function clicksOverImpressions(impressions: string, clicks: string): string | null {
  const i = readCount(impressions);
  const c = readCount(clicks);
  if (i === null || c === null || c <= i) return null;
  return `${countOf(c, "clicks")} against ${countOf(i, "impressions")}`;
}
