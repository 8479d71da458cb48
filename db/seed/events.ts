import { addDays, type CalendarDay } from "@/lib/core/days";
import type { OrderStatus } from "./catalog";
import { addHours, addMinutes, atHour, maxDate, minDate } from "./dates";
import type { Rng } from "./random";
import type { EventPlan, OrderSource, SeedActor } from "./types";

type Who = "creator" | "advertiser" | "reviewer" | "system" | "api";
type Timing = "pre" | "start" | "stop" | "complete" | "after";
type Step = { type: string; to: OrderStatus; who: Who; timing: Timing; payload?: Record<string, unknown> };

export type Scenario = {
  status: OrderStatus;
  /** For archived orders, the status they were archived from. */
  base: OrderStatus;
  source: OrderSource;
  /** How a canceled or rejected order got there. */
  variant:
    | ""
    | "pending"
    | "quote_declined"
    | "quote_expired"
    | "approved"
    | "midflight"
    | "review"
    | "quote";
  viaQuote: boolean;
};

const rejectReasons = [
  "The landing page does not match the ad copy.",
  "We cannot run financial promotions without the required disclaimer.",
  "The requested dates are reserved for an exclusive sponsor.",
  "Competitor exclusivity: we already run a campaign in this category.",
];
const cancelReasons = [
  "Campaign budget was cut for this quarter.",
  "The advertiser asked to stop the campaign early.",
  "Product launch postponed.",
  "Creative could not be delivered in time.",
];

function toPending(source: OrderSource): Step[] {
  if (source === "api") return [{ type: "created", to: "pending_review", who: "api", timing: "pre" }];
  return [
    { type: "created", to: "draft", who: "creator", timing: "pre" },
    { type: "submitted", to: "pending_review", who: "advertiser", timing: "pre" },
  ];
}

const toQuoted = (): Step[] => [
  { type: "created", to: "draft", who: "creator", timing: "pre" },
  { type: "quote_requested", to: "quote_requested", who: "advertiser", timing: "pre" },
  { type: "quote_sent", to: "quoted", who: "reviewer", timing: "pre" },
];

function toApproved(s: Scenario): Step[] {
  const approved: Step = { type: "approved", to: "approved", who: "reviewer", timing: "pre" };
  switch (s.source) {
    case "manual":
      return [{ type: "created", to: "approved", who: "creator", timing: "pre" }];
    case "recurring":
      return [
        { type: "created", to: "approved", who: "system", timing: "pre", payload: { recurring: true } },
      ];
    case "api":
      return [...toPending("api"), approved];
    default:
      return s.viaQuote
        ? [...toQuoted(), { type: "quote_accepted", to: "approved", who: "advertiser", timing: "pre" }]
        : [...toPending("self_serve"), approved];
  }
}

const started: Step = { type: "started", to: "live", who: "system", timing: "start" };

function steps(s: Scenario, rng: Rng, pauseWho: Who): Step[] {
  const reason = { reason: rng.pick(rejectReasons) };
  switch (s.base) {
    case "draft":
      return [{ type: "created", to: "draft", who: "creator", timing: "pre" }];
    case "quote_requested":
      return toQuoted().slice(0, 2);
    case "quoted":
      return toQuoted();
    case "pending_review":
      return toPending(s.source);
    case "rejected":
      return s.variant === "quote"
        ? [
            ...toQuoted().slice(0, 2),
            {
              type: "quote_request_declined",
              to: "rejected",
              who: "reviewer",
              timing: "pre",
              payload: reason,
            },
          ]
        : [
            ...toPending(s.source),
            { type: "rejected", to: "rejected", who: "reviewer", timing: "pre", payload: reason },
          ];
    case "approved":
      return toApproved(s);
    case "live":
      return [...toApproved(s), started];
    case "paused":
      return [...toApproved(s), started, { type: "paused", to: "paused", who: pauseWho, timing: "stop" }];
    case "completed":
      return [
        ...toApproved(s),
        started,
        { type: "completed", to: "completed", who: "system", timing: "complete" },
      ];
    default: {
      const cancel = { reason: rng.pick(cancelReasons) };
      switch (s.variant) {
        case "pending":
          return [
            ...toPending(s.source),
            {
              type: "canceled",
              to: "canceled",
              who: s.source === "api" ? "api" : "advertiser",
              timing: "pre",
            },
          ];
        case "quote_declined":
          return [
            ...toQuoted(),
            { type: "quote_declined", to: "canceled", who: "advertiser", timing: "pre" },
          ];
        case "quote_expired":
          return [...toQuoted(), { type: "quote_expired", to: "canceled", who: "system", timing: "pre" }];
        case "approved":
          return [
            ...toApproved(s),
            { type: "canceled", to: "canceled", who: "reviewer", timing: "pre", payload: cancel },
          ];
        default:
          return [
            ...toApproved(s),
            started,
            { type: "canceled", to: "canceled", who: "reviewer", timing: "stop", payload: cancel },
          ];
      }
    }
  }
}

export type TimelineInput = {
  scenario: Scenario;
  now: Date;
  startDate: CalendarDay;
  endDate: CalendarDay;
  stopDay: CalendarDay | null;
  createdAt: Date;
  /** The last moment before the order starts (or now, for orders that have not started). */
  preEnd: Date;
  actors: Record<"creator" | "advertiser" | "reviewer", SeedActor>;
  pauseWho: Who;
};

/** The order's events, in order, with timestamps that never pass `now`. */
export function planEvents(rng: Rng, input: TimelineInput): EventPlan[] {
  const { scenario, now } = input;
  const list = steps(scenario, rng, input.pauseWho);
  if (scenario.status === "archived")
    list.push({ type: "archived", to: "archived", who: "reviewer", timing: "after" });
  const pre = list.filter((step) => step.timing === "pre").length;
  const span = input.preEnd.getTime() - input.createdAt.getTime();
  const latest = addMinutes(now, -30);
  let preIndex = 0;
  let from: OrderStatus | null = null;
  let previous: Date | null = null;
  const events: EventPlan[] = [];
  for (const step of list) {
    let at: Date;
    if (step.timing === "pre") {
      at = pre <= 1 ? input.createdAt : new Date(input.createdAt.getTime() + (span * preIndex) / (pre - 1));
      preIndex++;
    } else if (step.timing === "start") at = atHour(input.startDate, 5, rng.int(0, 59));
    else if (step.timing === "stop")
      at = atHour(input.stopDay ?? input.startDate, rng.int(9, 16), rng.int(0, 59));
    else if (step.timing === "complete") at = atHour(addDays(input.endDate, 1), 3, rng.int(0, 59));
    else at = addHours(previous ?? input.createdAt, rng.int(24, 24 * 6));
    if (step.timing !== "pre") at = minDate(at, latest);
    if (previous) at = maxDate(at, addMinutes(previous, rng.int(5, 90)));
    const actor: SeedActor =
      step.who === "system"
        ? { kind: "system" }
        : step.who === "api"
          ? { kind: "api" }
          : input.actors[step.who];
    events.push({ type: step.type, from, to: step.to, actor, at, payload: step.payload ?? {} });
    from = step.to;
    previous = at;
  }
  return events;
}
