import { type Choice, chooseCreative, type ServingLineItem, type ZoneFit } from "./choose-creative";

/** A small, seedable random source (mulberry32), so simulations repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SimulationResult = {
  /** Impressions served per line item id. */
  served: Map<number, number>;
  /** Requests that nothing could fill. */
  unfilled: number;
  requests: number;
};

/**
 * Runs `requests` zone requests spread evenly from `from` to `to` (ms) through
 * `chooseCreative` on a controllable clock, counting each served impression back into the
 * line items (as the serving view does after each committed count). The line items are
 * copied; the caller's are not changed.
 */
export function simulateServing(
  lineItems: readonly ServingLineItem[],
  zone: ZoneFit,
  {
    from,
    to,
    requests,
    country,
    seed = 1,
    onChoice,
  }: {
    from: number;
    to: number;
    requests: number;
    country: string | null;
    seed?: number;
    onChoice?: (choice: Choice | null, at: number) => void;
  },
): SimulationResult {
  const items = lineItems.map((li) => ({ ...li }));
  const byId = new Map(items.map((li) => [li.id, li]));
  const random = seededRandom(seed);
  const served = new Map<number, number>(items.map((li) => [li.id, 0]));
  let unfilled = 0;
  const step = (to - from) / requests;
  for (let i = 0; i < requests; i++) {
    const now = from + step * (i + 0.5);
    const choice = chooseCreative(items, zone, { now, country, needs: "any", random: random() });
    onChoice?.(choice, now);
    if (!choice) {
      unfilled++;
      continue;
    }
    const li = byId.get(choice.lineItemId);
    if (!li) continue;
    li.deliveredImpressions++;
    li.todayImpressions++;
    served.set(li.id, (served.get(li.id) ?? 0) + 1);
  }
  return { served, unfilled, requests };
}
