import { addDays, type CalendarDay, dayDiff, dayRange, laterDay, startOfDayIn } from "@/lib/core/days";
import {
  type AdvertiserSpec,
  advertiserUserEmail,
  type OrderStatus,
  type PublisherSpec,
  staffEmail,
  type ZoneSpec,
} from "./catalog";
import { addMinutes, atHour, maxDay, minDate, minDay } from "./dates";
import { planDelivery } from "./delivery";
import { planEvents, type Scenario } from "./events";
import { dailyCapacity, dailyTraffic, type InventoryBook, spreadEvenly, type ZoneRef } from "./inventory";
import type { Rng } from "./random";
import type {
  CreativeWish,
  LinePlan,
  MessagePlan,
  OrderPlan,
  OrderSource,
  Priority,
  QuotePlan,
} from "./types";

export type PlanContext = {
  rng: Rng;
  today: CalendarDay;
  now: Date;
  book: InventoryBook;
  publisherIndex: number;
  publisher: PublisherSpec;
  zones: ZoneRef[];
};

/** A recurring order repeats the same lines every month; the first one planned sets them. */
type RecurringTemplate = {
  property: number;
  lines: { zone: ZoneRef; countries: string[]; quantity: number }[];
};
type OrderContext = PlanContext & {
  recurring: { offset: number; template: RecurringTemplate | null };
};
type Fixed = { countries: string[]; quantity: number };

type Phase = "future" | "current" | "past";
type Window = { start: CalendarDay; end: CalendarDay };

// Index-based patterns, so every publisher gets every source and every way of ending up canceled.
const sourcePatterns: Record<OrderStatus, OrderSource[]> = {
  draft: ["self_serve"],
  quote_requested: ["self_serve"],
  quoted: ["self_serve"],
  pending_review: ["api", "self_serve", "self_serve"],
  // One recurring order per period: last month's (completed), this month's (live), next month's (approved).
  approved: ["manual", "self_serve", "recurring", "api", "self_serve", "manual"],
  live: ["recurring", "self_serve", "manual", "self_serve", "api", "manual"],
  paused: ["manual", "self_serve", "api"],
  completed: ["recurring", "manual", "self_serve", "manual", "api", "self_serve"],
  canceled: ["self_serve", "manual", "api", "self_serve", "self_serve", "manual", "api"],
  rejected: ["self_serve", "self_serve", "api"],
  archived: ["manual", "self_serve", "manual"],
};
const canceledVariants: Scenario["variant"][] = [
  "pending",
  "midflight",
  "approved",
  "quote_declined",
  "quote_expired",
  "midflight",
  "pending",
];
const rejectedVariants: Scenario["variant"][] = ["review", "quote", "review"];
const archivedBases: OrderStatus[] = ["completed", "canceled", "completed"];

function scenarios(publisher: PublisherSpec, rng: Rng): Scenario[] {
  const list: Scenario[] = [];
  for (const [status, count] of Object.entries(publisher.statusCounts) as [OrderStatus, number][]) {
    for (let i = 0; i < count; i++) {
      const pattern = sourcePatterns[status];
      const cycled = pattern[i % pattern.length];
      const source = cycled === "recurring" && i >= pattern.length ? "self_serve" : cycled;
      const base = status === "archived" ? archivedBases[i % archivedBases.length] : status;
      let variant: Scenario["variant"] = "";
      if (status === "canceled") variant = canceledVariants[i % canceledVariants.length];
      if (status === "rejected")
        variant = source === "api" ? "review" : rejectedVariants[i % rejectedVariants.length];
      if (status === "archived" && base === "canceled") variant = "midflight";
      list.push({ status, base, source, variant, viaQuote: source === "self_serve" && rng.chance(0.3) });
    }
  }
  return list;
}

const approvedEver = (s: Scenario) =>
  ["approved", "live", "paused", "completed"].includes(s.base) ||
  (s.base === "canceled" && (s.variant === "approved" || s.variant === "midflight"));
const holdsInventory = (s: Scenario) => ["approved", "live", "paused"].includes(s.base);

function phaseOf(s: Scenario): Phase {
  if (s.status === "archived" || s.base === "completed") return "past";
  if (s.base === "live" || s.base === "paused" || s.variant === "midflight") return "current";
  return "future";
}

function anchorFor(rng: Rng, today: CalendarDay, phase: Phase, archived: boolean): Window {
  if (phase === "future") {
    const start = addDays(today, rng.int(3, 60));
    return { start, end: addDays(start, rng.int(9, 29)) };
  }
  if (phase === "current")
    return { start: addDays(today, -rng.int(3, 22)), end: addDays(today, rng.int(3, 35)) };
  const end = addDays(today, -(archived ? rng.int(12, 30) : rng.int(2, 20)));
  const start = addDays(end, -rng.int(9, 29));
  const earliest = addDays(today, -58);
  return { start: laterDay(start, earliest), end };
}

function countryRate(zone: ZoneSpec, country: string): number {
  let rate = zone.baseRate;
  for (const modifier of zone.countryModifiers) {
    if (modifier.country !== country) continue;
    rate = modifier.kind === "percent" ? (rate * (100 + modifier.value)) / 100 : rate + modifier.value;
  }
  return rate;
}

/** One rate for the line: the mean of its countries' rates (exact for even spreads). */
const lineRate = (zone: ZoneSpec, countries: string[]) =>
  Math.round(countries.reduce((sum, country) => sum + countryRate(zone, country), 0) / countries.length);

function lineAmount(model: ZoneSpec["pricingModel"], rate: number, quantity: number, countries: number) {
  if (model === "cpm") return Math.round((rate * quantity) / 1000);
  if (model === "cpc") return rate * quantity;
  return rate * quantity * countries;
}

function lineWindow(
  rng: Rng,
  ctx: PlanContext,
  phase: Phase,
  anchor: Window,
  cpd: boolean,
  attempt: number,
): Window {
  const { today } = ctx;
  if (!cpd) return { start: addDays(anchor.start, rng.int(0, 1)), end: addDays(anchor.end, -rng.int(0, 2)) };
  if (phase === "future") {
    const start = addDays(anchor.start, rng.int(0, 5));
    return { start, end: addDays(start, rng.int(0, 4)) };
  }
  if (phase === "current") {
    if (attempt < 4) return { start: addDays(today, -rng.int(1, 3)), end: addDays(today, rng.int(0, 3)) };
    const start = addDays(today, rng.int(1, 20));
    return { start, end: addDays(start, rng.int(0, 3)) };
  }
  const end = addDays(anchor.end, -rng.int(0, 3));
  const start = addDays(end, -rng.int(0, 4));
  return { start: laterDay(start, anchor.start), end };
}

function quantityFor(rng: Rng, zone: ZoneSpec, countries: string[], days: number): number {
  if (zone.pricingModel === "cpd") return days;
  if (zone.pricingModel === "cpc") {
    const traffic = countries.reduce((sum, country) => sum + dailyTraffic(zone, country), 0);
    return Math.max(50, Math.floor((traffic * days * rng.between(0.0008, 0.003)) / 50) * 50);
  }
  const smallest = Math.min(...countries.map((country) => dailyCapacity(zone, country)));
  const raw = smallest * rng.between(0.04, 0.15) * days * countries.length;
  return raw >= 10_000 ? Math.floor(raw / 1000) * 1000 : Math.max(100, Math.floor(raw / 100) * 100);
}

const roundDown = (n: number) => (n >= 10_000 ? Math.floor(n / 1000) * 1000 : Math.floor(n / 100) * 100);

/** A line on `zone` that fits the inventory still free, or null. Books what approved orders hold. */
function tryLine(
  ctx: PlanContext,
  s: Scenario,
  phase: Phase,
  anchor: Window,
  zone: ZoneRef,
  attempt: number,
  fixed: Fixed | null,
) {
  const { rng, book } = ctx;
  const spec = zone.spec;
  const cpd = spec.pricingModel === "cpd";
  const window = s.source === "recurring" ? anchor : lineWindow(rng, ctx, phase, anchor, cpd, attempt);
  if (!book.covers(window.start, window.end)) return null;
  const available = Object.keys(spec.countryShares);
  const countries =
    fixed?.countries ??
    rng
      .sample(available, rng.int(1, Math.min(cpd ? 2 : 3, available.length)))
      .sort((a, b) => (spec.countryShares[b] ?? 0) - (spec.countryShares[a] ?? 0));
  const days = dayRange(window.start, window.end);
  let quantity = fixed?.quantity ?? quantityFor(rng, spec, countries, days.length);
  // A sponsorship (cpd) takes the whole day in each of its countries; cpc reserves nothing.
  let reservations =
    spec.pricingModel === "cpc"
      ? []
      : spreadEvenly(cpd ? days.length * countries.length : quantity, days, countries);
  if (!book.fits(zone, reservations)) {
    if (cpd) return null;
    quantity = roundDown(book.freeEverywhere(zone, countries, days) * days.length * countries.length);
    if (quantity < 100) return null;
    reservations = spreadEvenly(quantity, days, countries);
  }
  if (approvedEver(s)) book.book(zone, reservations, holdsInventory(s));
  const rate = lineRate(spec, countries);
  const priority: Priority = cpd
    ? "exclusive"
    : rng.weighted([
        ["normal", 60],
        ["high", 15],
        ["low", 15],
        ["very_high", 5],
        ["very_low", 5],
      ] as const);
  const line: LinePlan = {
    zone,
    countries,
    startDate: window.start,
    endDate: window.end,
    model: spec.pricingModel,
    rate,
    quantity,
    amount: lineAmount(spec.pricingModel, rate, quantity, countries.length),
    dailyCap:
      spec.pricingModel === "cpm" && rng.chance(0.25) ? Math.ceil((quantity / days.length) * 1.5) : null,
    priority,
    status: "pending",
    stopDay: null,
    cancelReason: null,
    canceledAt: null,
    reservations: holdsInventory(s) ? reservations : [],
    delivery: [],
    deliveredImpressions: 0,
    deliveredClicks: 0,
    deliveredValue: 0,
    creative: "none",
  };
  return line;
}

function planLines(
  ctx: OrderContext,
  s: Scenario,
  phase: Phase,
  anchor: Window,
  property: number,
): LinePlan[] {
  const { rng } = ctx;
  const template = s.source === "recurring" ? ctx.recurring.template : null;
  if (template) {
    return template.lines.flatMap((line) => tryLine(ctx, s, phase, anchor, line.zone, 0, line) ?? []);
  }
  // Recurring orders run all period long, so they use zones sold by impression or click.
  const zones = ctx.zones.filter(
    (zone) => zone.property === property && (s.source !== "recurring" || zone.spec.pricingModel !== "cpd"),
  );
  const count = Math.min(
    zones.length,
    rng.weighted([
      [1, 45],
      [2, 35],
      [3, 20],
    ] as const),
  );
  const lines: LinePlan[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < count; index++) {
    for (let attempt = 0; attempt < 10; attempt++) {
      // An order that has started starts with a line that runs every day, not a one-day sponsorship.
      const candidates = zones.filter(
        (zone) =>
          !taken.has(zone.key) && !(phase === "current" && index === 0 && zone.spec.pricingModel === "cpd"),
      );
      if (candidates.length === 0) break;
      const line = tryLine(ctx, s, phase, anchor, rng.pick(candidates), attempt, null);
      if (line) {
        taken.add(line.zone.key);
        lines.push(line);
        break;
      }
    }
  }
  if (s.source === "recurring" && lines.length > 0) {
    ctx.recurring.template = {
      property,
      lines: lines.map((line) => ({ zone: line.zone, countries: line.countries, quantity: line.quantity })),
    };
  }
  return lines;
}

/** The recurring order's month: -1 last month, 0 this one, 1 next. */
function recurringPeriod(ctx: OrderContext, s: Scenario): Window {
  const period = s.base === "completed" ? -1 : s.base === "live" ? 0 : 1;
  const start = addDays(ctx.today, period * 30 - ctx.recurring.offset);
  return { start, end: addDays(start, 29) };
}

function pickCreative(rng: Rng, entries: [CreativeWish, number][]): CreativeWish {
  return rng.weighted(entries);
}

const monthYear = (day: CalendarDay) =>
  startOfDayIn(day, "UTC").toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

const briefs = [
  "Drive sign-ups for the new season; brand-safe placements only.",
  "Awareness push ahead of the launch. Frequency matters more than reach.",
  "Please avoid running next to competitor coverage.",
  "Target readers interested in personal finance.",
  "Same setup as last time, new creative attached.",
];

const advertiserMessages = [
  "Could we shift the start by a couple of days?",
  "New creative is uploaded, can you take a look?",
  "Is there room to add Canada to this campaign?",
  "Thanks! Looking forward to the first numbers.",
  "Can you send the invoice to our finance team as well?",
  "How is the campaign pacing so far?",
];
const staffMessages = [
  "Sure, I have updated the dates on our side.",
  "Creative looks good, approved.",
  "Pacing is on track, you will see the report on Monday.",
  "We have availability in Canada for those days, shall I add it?",
  "Invoice sent. Let me know if you need a PO number on it.",
  "Thanks for booking with us again!",
];

function planMessages(rng: Rng, order: OrderPlan, now: Date): MessagePlan[] {
  if (order.status === "draft" || !rng.chance(0.4)) return [];
  const first = order.createdAt.getTime();
  const last = minDate(addMinutes(order.lastActivityAt, 36 * 60), addMinutes(now, -10)).getTime();
  const count = rng.int(1, 4);
  return Array.from({ length: count }, (_, i) => {
    const fromAdvertiser = i % 2 === 0;
    return {
      author: fromAdvertiser ? order.advertiserUser : (order.salesManager ?? order.reviewer),
      body: rng.pick(fromAdvertiser ? advertiserMessages : staffMessages),
      at: new Date(first + ((last - first) * (i + 1)) / (count + 1)),
    };
  });
}

function planQuote(rng: Rng, order: OrderPlan, publisher: PublisherSpec, now: Date): QuotePlan | null {
  const sent = order.events.find((event) => event.type === "quote_sent");
  if (!sent) return null;
  const next = order.events[order.events.indexOf(sent) + 1];
  const status =
    next?.type === "quote_accepted"
      ? "accepted"
      : next?.type === "quote_declined"
        ? "declined"
        : next?.type === "quote_expired"
          ? "expired"
          : "sent";
  const plan = order.lines
    .map(
      (line) =>
        `${line.zone.spec.name}: ${line.quantity.toLocaleString("en-US")} ${
          line.model === "cpm" ? "impressions" : line.model === "cpc" ? "clicks" : "days"
        } in ${line.countries.join(", ")}, ${line.startDate} to ${line.endDate}`,
    )
    .join("\n");
  return {
    price: Math.max(100, Math.round((order.total * rng.between(0.85, 1)) / 100) * 100),
    plan,
    terms: [
      `Payment within ${publisher.paymentTermsDays} days of invoice.`,
      publisher.prepayRequired ? "Prepayment is required before the campaign starts." : "",
      "Prices exclude VAT.",
    ]
      .filter(Boolean)
      .join(" "),
    expiresAt:
      status === "sent"
        ? addMinutes(now, rng.int(5, 14) * 24 * 60)
        : status === "expired"
          ? next.at
          : addMinutes(sent.at, 14 * 24 * 60),
    estimatedCompletion: order.endDate,
    status,
    createdBy: sent.actor.kind === "user" ? sent.actor.email : order.reviewer,
    createdAt: sent.at,
  };
}

function lineStatusFor(s: Scenario, line: LinePlan, today: CalendarDay): LinePlan["status"] {
  switch (s.base) {
    case "approved":
      return "ready";
    case "live":
      return line.startDate > today ? "ready" : "delivering";
    case "paused":
      return "paused";
    case "completed":
      return "completed";
    case "canceled":
    case "rejected":
      return "canceled";
    default:
      return "pending";
  }
}

function creativeFor(rng: Rng, s: Scenario, line: LinePlan): CreativeWish {
  if (line.status === "pending")
    return pickCreative(rng, [
      ["approved", 30],
      ["pending", 40],
      ["none", 30],
    ]);
  if (line.status === "ready")
    return pickCreative(rng, [
      ["approved", 60],
      ["pending", 20],
      ["none", 20],
    ]);
  if (line.status === "canceled")
    return s.variant === "midflight"
      ? "approved"
      : pickCreative(rng, [
          ["approved", 50],
          ["none", 50],
        ]);
  return "approved";
}

function planOrder(ctx: OrderContext, s: Scenario): OrderPlan {
  const { rng, publisher, today, now } = ctx;
  const phase = phaseOf(s);
  const archived = s.status === "archived";
  const advertiserIndex =
    s.source === "recurring" ? publisher.recurringAdvertiser : rng.int(0, publisher.advertisers.length - 1);
  const advertiser: AdvertiserSpec = publisher.advertisers[advertiserIndex];
  let property = 0;
  let lines: LinePlan[] = [];
  for (let attempt = 0; lines.length === 0; attempt++) {
    if (attempt > 20) throw new Error(`Could not plan a ${s.status} order for ${publisher.slug}`);
    const template = s.source === "recurring" ? ctx.recurring.template : null;
    property = template ? template.property : rng.int(0, publisher.properties.length - 1);
    const anchor =
      s.source === "recurring" ? recurringPeriod(ctx, s) : anchorFor(rng, today, phase, archived);
    lines = planLines(ctx, s, phase, anchor, property);
  }
  const startDate = minDay(lines.map((line) => line.startDate));
  const endDate = maxDay(lines.map((line) => line.endDate));
  const total = lines.reduce((sum, line) => sum + line.amount, 0);

  const email = (key: string) => staffEmail(publisher, key);
  const advertiserUser = advertiserUserEmail(advertiser);
  let createdBy: string | null = null;
  let salesManager: string | null = null;
  if (s.source === "manual") {
    const creator = rng.pick(["owner", "admin", "sales", "sales", "sales2"]);
    createdBy = email(creator);
    salesManager = creator.startsWith("sales")
      ? createdBy
      : rng.pick([email("sales"), email("sales2"), null]);
  } else if (s.source === "self_serve") {
    createdBy = advertiserUser;
    salesManager = rng.weighted([
      [email("sales"), 40],
      [email("sales2"), 20],
      [null, 40],
    ] as const);
  } else if (s.source === "api") {
    salesManager = rng.chance(0.3) ? email("sales") : null;
  } else {
    salesManager = email("sales");
  }
  const reviewer = salesManager ?? email(rng.pick(["owner", "admin", "sales"]));

  const started = phase !== "future";
  let stopDay: CalendarDay | null = null;
  if (s.base === "paused" || s.variant === "midflight") {
    const until = phase === "past" ? endDate : today;
    stopDay = addDays(startDate, rng.int(1, Math.max(1, dayDiff(startDate, until) - 1)));
  }
  const preEnd = started
    ? addMinutes(atHour(startDate, 0), -rng.int(60, 30 * 60))
    : addMinutes(now, -rng.int(20, 4 * 24 * 60));
  const createdAt =
    s.base === "draft"
      ? addMinutes(now, -rng.int(60, 6 * 24 * 60))
      : addMinutes(preEnd, -rng.int(2 * 24 * 60, 21 * 24 * 60));
  const pausedByAdvertiser = publisher.advertiserMayPause && s.source === "self_serve" && rng.chance(0.5);
  const events = planEvents(rng, {
    scenario: s,
    now,
    startDate,
    endDate,
    stopDay,
    createdAt,
    preEnd,
    actors: {
      creator: { kind: "user", email: createdBy ?? reviewer },
      advertiser: { kind: "user", email: advertiserUser },
      reviewer: { kind: "user", email: reviewer },
    },
    pauseWho: pausedByAdvertiser ? "advertiser" : "reviewer",
  });
  const approvedEvent = events.find((event) => event.to === "approved");
  const endEvent = events.find((event) => event.to === "canceled" || event.to === "rejected");

  for (const line of lines) {
    line.status = lineStatusFor(s, line, today);
    if (s.base === "paused" || s.variant === "midflight") line.stopDay = stopDay;
    if (endEvent) {
      const reason = typeof endEvent.payload.reason === "string" ? endEvent.payload.reason : null;
      line.canceledAt = endEvent.at;
      line.cancelReason =
        s.base === "rejected"
          ? `Order rejected: ${reason ?? "declined by the publisher"}`
          : (reason ??
            (s.variant === "quote_expired"
              ? "The quote expired."
              : s.variant === "quote_declined"
                ? "The advertiser declined the quote."
                : "Canceled by the advertiser."));
    }
    line.creative = creativeFor(rng, s, line);
  }
  if (s.base === "live") {
    const last = lines[lines.length - 1];
    if (lines.length > 1 && last.status === "delivering" && rng.chance(0.4)) {
      // Blocked: the line waits for an approved creative, so it has not delivered.
      last.status = "ready";
      last.creative = pickCreative(rng, [
        ["pending", 40],
        ["rejected", 30],
        ["none", 30],
      ]);
    } else if (last.status === "delivering" && dayDiff(last.startDate, today) >= 3 && rng.chance(0.25)) {
      last.status = "paused";
      last.stopDay = addDays(last.startDate, rng.int(1, dayDiff(last.startDate, today) - 1));
      events.push({
        type: "line_item_paused",
        from: null,
        to: null,
        actor: { kind: "user", email: pausedByAdvertiser ? advertiserUser : reviewer },
        at: atHour(last.stopDay, rng.int(9, 17)),
        payload: { zone: last.zone.spec.name },
      });
      events.sort((a, b) => a.at.getTime() - b.at.getTime());
    }
  }
  for (const line of lines) planDelivery(rng, line, today);

  const order: OrderPlan = {
    publisher: ctx.publisherIndex,
    advertiser: advertiserIndex,
    property,
    name: `${s.source === "recurring" ? advertiser.themes[0] : rng.pick(advertiser.themes)} — ${monthYear(startDate)}`,
    source: s.source,
    status: s.status,
    baseStatus: s.base,
    statusBeforeArchive: archived ? s.base : null,
    lines,
    total,
    startDate,
    endDate,
    createdAt: events[0].at,
    lastActivityAt: events[events.length - 1].at,
    archivedAt: archived ? events[events.length - 1].at : null,
    createdBy,
    salesManager,
    reviewer,
    advertiserUser,
    brief: rng.chance(0.5) ? rng.pick(briefs) : null,
    prepayRequired: publisher.prepayRequired,
    paymentTermsDays: publisher.paymentTermsDays,
    partialPayments: approvedEver(s) && rng.chance(0.15),
    events,
    quote: null,
    messages: [],
    approvedAt: approvedEvent?.at ?? null,
    canceledAt: events.find((event) => event.to === "canceled")?.at ?? null,
  };
  order.quote = planQuote(rng, order, publisher, now);
  order.messages = planMessages(rng, order, now);
  const lastMessage = order.messages[order.messages.length - 1];
  if (lastMessage && lastMessage.at > order.lastActivityAt) order.lastActivityAt = lastMessage.at;
  return order;
}

/** Every order of one publisher, planned in memory; inventory is booked in `ctx.book` as it goes. */
export function planOrders(ctx: PlanContext): OrderPlan[] {
  const orderContext: OrderContext = { ...ctx, recurring: { offset: ctx.rng.int(5, 20), template: null } };
  return scenarios(ctx.publisher, ctx.rng).map((scenario) => planOrder(orderContext, scenario));
}
