/**
 * Which creative a zone shows for one request: a PURE function of the zone's line items
 * (as the in-memory serving view holds them), the moment, the visitor's country and a
 * random number. No I/O, no clock: the caller passes both, so tests and the simulation
 * drive time themselves.
 *
 * The order of the rules (seed 002's priorities):
 * 1. `exclusive` line items first: a road block, nothing else shows while one can.
 * 2. CPD sponsorships take 100% of their days.
 * 3. CPM (and CPC) line items share the rest, each weighted by its priority multiple
 *    (very_low 1× … very_high 5×) × how far behind its even pace it is, and only while it
 *    is not ahead of that pace, so a campaign finishes on its last day, not early.
 * Every rule respects the booked quantity and the daily cap, the line item's countries,
 * and serves only approved creatives that fit the zone. Nothing eligible → null (the zone's
 * fallback), never an error.
 */

export type Priority = "very_low" | "low" | "normal" | "high" | "very_high" | "exclusive";
export type CreativeKind = "image" | "html" | "text";

export const priorityMultiples: Record<Exclude<Priority, "exclusive">, number> = {
  very_low: 1,
  low: 2,
  normal: 3,
  high: 4,
  very_high: 5,
};

export type ServingCreative = {
  id: number;
  kind: CreativeKind;
  width: number | null;
  height: number | null;
  reviewStatus: "pending" | "approved" | "rejected";
};

/** One line item of the zone, delivering now (the view keeps only those). */
export type ServingLineItem = {
  id: number;
  model: "cpm" | "cpc" | "cpd";
  priority: Priority;
  /** ISO codes the line item was sold for. */
  countries: readonly string[];
  /** The flight as instants (ms): start of its first day, end of its last, in the publisher's zone. */
  flightStart: number;
  flightEnd: number;
  /** Impressions (cpm, cpd) or clicks (cpc) booked; for cpd this is days and does not cap impressions. */
  quantity: number;
  /** Per day, in the line item's unit (clicks for cpc, impressions otherwise); null: none. */
  dailyCap: number | null;
  deliveredImpressions: number;
  deliveredClicks: number;
  todayImpressions: number;
  todayClicks: number;
  creatives: readonly ServingCreative[];
};

export type ZoneFit = {
  width: number | null;
  height: number | null;
  /** Kinds the zone takes; empty: any. */
  kinds: readonly CreativeKind[];
};

export type ServingRequest = {
  /** ms since epoch. */
  now: number;
  /** The visitor's ISO country, or null when it is not known. */
  country: string | null;
  /** "image": a newsletter image tag, which can only show an image. */
  needs: "any" | "image";
  /** A number in [0, 1); the caller's randomness. */
  random: number;
};

export type Rule = "exclusive" | "sponsorship" | "paced";

export type Choice = { lineItemId: number; creativeId: number; rule: Rule };

export type NotEligibleReason =
  | "wrong_country"
  | "no_fitting_creative"
  | "not_in_flight"
  | "quantity_reached"
  | "daily_cap_reached"
  | "ahead_of_pace"
  | "road_blocked"
  | "sponsored_day";

export type Assessment = {
  lineItemId: number;
  rule: Rule;
  /** Units delivered so far and the even-pace target for this moment (cpm/cpc). */
  delivered: number;
  expected: number;
  /** delivered ÷ expected (1 = on pace, below 1 = behind); null when pacing does not apply. */
  pace: number | null;
  weight: number;
  /** Chance of being chosen for this request, 0–1. */
  share: number;
  notEligible: NotEligibleReason | null;
};

const unitsDelivered = (li: ServingLineItem) =>
  li.model === "cpc" ? li.deliveredClicks : li.deliveredImpressions;
const unitsToday = (li: ServingLineItem) => (li.model === "cpc" ? li.todayClicks : li.todayImpressions);

function ruleOf(li: ServingLineItem): Rule {
  if (li.priority === "exclusive") return "exclusive";
  return li.model === "cpd" ? "sponsorship" : "paced";
}

function fits(c: ServingCreative, zone: ZoneFit, needs: ServingRequest["needs"]): boolean {
  return (
    c.reviewStatus === "approved" &&
    (zone.kinds.length === 0 || zone.kinds.includes(c.kind)) &&
    (needs === "any" || c.kind === "image") &&
    // An image must be the zone's size when both are known; html and text fill the frame.
    (c.kind !== "image" ||
      zone.width === null ||
      zone.height === null ||
      c.width === null ||
      c.height === null ||
      (c.width === zone.width && c.height === zone.height))
  );
}

/** Approved creatives that fit the zone and the tag. */
export function fittingCreatives(li: ServingLineItem, zone: ZoneFit, needs: ServingRequest["needs"]) {
  return li.creatives.filter((c) => fits(c, zone, needs));
}

/** Units an even pace would have delivered by `now`: the quantity spread over the flight. */
export function expectedByNow(li: ServingLineItem, now: number): number {
  const length = li.flightEnd - li.flightStart;
  if (length <= 0) return li.quantity;
  const elapsed = Math.min(1, Math.max(0, (now - li.flightStart) / length));
  return li.quantity * elapsed;
}

const tierOf: Record<Rule, number> = { paced: 1, sponsorship: 2, exclusive: 3 };

/** Why the line item cannot serve this request on its own terms, or null. Allocates nothing: the hot path. */
function notEligibleReason(
  li: ServingLineItem,
  zone: ZoneFit,
  request: Omit<ServingRequest, "random">,
  rule: Rule,
): NotEligibleReason | null {
  if (request.now < li.flightStart || request.now > li.flightEnd) return "not_in_flight";
  if (request.country === null || !li.countries.includes(request.country)) return "wrong_country";
  let fitting = false;
  for (const c of li.creatives) {
    if (fits(c, zone, request.needs)) {
      fitting = true;
      break;
    }
  }
  if (!fitting) return "no_fitting_creative";
  if (li.model !== "cpd" && unitsDelivered(li) >= li.quantity) return "quantity_reached";
  if (li.dailyCap !== null && unitsToday(li) >= li.dailyCap) return "daily_cap_reached";
  // One unit of slack, so a line item can start at the first moment of its flight.
  if (rule === "paced" && unitsDelivered(li) >= expectedByNow(li, request.now) + 1) return "ahead_of_pace";
  return null;
}

/** The weight of an eligible line item within its tier. */
function weightOf(li: ServingLineItem, rule: Rule, now: number): number {
  if (li.priority === "exclusive") return 1;
  const multiple = priorityMultiples[li.priority];
  if (rule === "sponsorship") return multiple;
  const target = expectedByNow(li, now) + 1;
  return (multiple * (target - unitsDelivered(li))) / target;
}

/**
 * Every line item of the zone with its rule, pace, weight and chance for this request,
 * and why it cannot serve if it cannot (the preview page shows this).
 */
export function assessLineItems(
  lineItems: readonly ServingLineItem[],
  zone: ZoneFit,
  request: Omit<ServingRequest, "random">,
): (Assessment & { item: ServingLineItem })[] {
  const scored = lineItems.map((li) => {
    const rule = ruleOf(li);
    const delivered = unitsDelivered(li);
    const expected = rule === "sponsorship" ? 0 : expectedByNow(li, request.now);
    const pace = rule === "paced" && expected > 0 ? delivered / expected : null;
    const notEligible = notEligibleReason(li, zone, request, rule);
    const weight = notEligible === null ? weightOf(li, rule, request.now) : 0;
    return { lineItemId: li.id, rule, delivered, expected, pace, weight, share: 0, notEligible, item: li };
  });
  const eligible = scored.filter((s) => s.notEligible === null);
  const top = Math.max(0, ...eligible.map((s) => tierOf[s.rule]));
  const blockedBy: NotEligibleReason = top === 3 ? "road_blocked" : "sponsored_day";
  const total = eligible.filter((s) => tierOf[s.rule] === top).reduce((sum, s) => sum + s.weight, 0);
  return scored.map((s) => {
    if (s.notEligible !== null) return s;
    if (tierOf[s.rule] !== top) return { ...s, weight: 0, notEligible: blockedBy };
    return { ...s, share: total > 0 ? s.weight / total : 0 };
  });
}

/**
 * The creative to show, or null when nothing may serve (the zone's fallback). The same
 * rules as `assessLineItems`, in two passes over the line items without building
 * assessments: this runs on every zone request.
 */
export function chooseCreative(
  lineItems: readonly ServingLineItem[],
  zone: ZoneFit,
  request: ServingRequest,
): Choice | null {
  const n = lineItems.length;
  const weights = new Float64Array(n);
  const tiers = new Uint8Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const li = lineItems[i];
    const rule = ruleOf(li);
    if (notEligibleReason(li, zone, request, rule) !== null) continue;
    const weight = weightOf(li, rule, request.now);
    if (!(weight > 0)) continue;
    tiers[i] = tierOf[rule];
    weights[i] = weight;
    if (tiers[i] > top) top = tiers[i];
  }
  if (top === 0) return null;
  let total = 0;
  for (let i = 0; i < n; i++) if (tiers[i] === top) total += weights[i];
  const random = Math.min(Math.max(request.random, 0), 1 - Number.EPSILON);
  const point = random * total;
  let pick = -1;
  let before = 0;
  for (let i = 0; i < n; i++) {
    if (tiers[i] !== top) continue;
    pick = i;
    if (point < before + weights[i]) break;
    before += weights[i];
  }
  const chosen = lineItems[pick];
  // Rotate among the line item's fitting creatives with what is left of the same number.
  const creatives = fittingCreatives(chosen, zone, request.needs);
  const within = Math.min(Math.max((point - before) / weights[pick], 0), 1 - Number.EPSILON);
  const index = Math.min(creatives.length - 1, Math.floor(within * creatives.length));
  return { lineItemId: chosen.id, creativeId: creatives[index].id, rule: ruleOf(chosen) };
}
