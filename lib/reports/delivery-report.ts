import { type AnyColumn, and, eq, gte, inArray, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, adZones, deliveryDaily, lineItems, orders, properties, publishers } from "@/db/schema";
import { summarize } from "@/lib/booking/get-delivery-report";
import {
  clickThroughRate,
  expectedByToday,
  type PacingStatus,
  pacingPercent,
  pacingStatus,
} from "@/lib/booking/pacing";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { addDays, calendarDayIn, dayCount, dayRange, earlierDay, isCalendarDay } from "@/lib/core/days";
import { Forbidden, Invalid, NotFound } from "@/lib/core/errors";
import { requirePerson } from "@/lib/core/require-actor";
import { invalidRequest } from "@/lib/http/zod-errors";
import { orderScope } from "@/lib/orders/get-order-for-actor";
import {
  type DeliveryReportInput,
  defaultReportDays,
  defaultSortFor,
  deliveryReportInput,
  maxReportDays,
  type ReportGrouping,
  type ReportSort,
  sortsFor,
} from "./delivery-report-input";

/** Booked or delivered units, per pricing model: CPM counts impressions, CPC clicks, CPD days. */
export type ReportUnits = { impressions: number; clicks: number; days: number };

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
  /** Delivered ÷ booked, percent; for several line items weighted by value (see summarize). */
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

/** Orders whose line items count as booked: sold, whether running, done or since archived. */
const bookedStatuses = ["approved", "live", "paused", "completed"] as const;

type ReportActor = StaffActor | AdvertiserActor;

/**
 * Tenant scoping, in the WHERE clause of every statement: the publisher's line items, and
 * for an advertiser only those of their own orders (orderScope).
 */
function reportScope(actor: ReportActor): SQL {
  return and(eq(lineItems.publisherId, actor.publisherId), orderScope(actor))!;
}

/**
 * The range the report covers, both days included: `to` defaults to today and `from`
 * to 29 days before `to`. A reversed range or one longer than maxReportDays is refused.
 */
export function resolveReportRange(from: string | undefined, to: string | undefined, today: string) {
  const last = to ?? today;
  if (!isCalendarDay(last)) throw new Invalid("Please correct the dates.", { to: ["Use a real date."] });
  const first = from ?? addDays(last, -(defaultReportDays - 1));
  if (!isCalendarDay(first)) throw new Invalid("Please correct the dates.", { from: ["Use a real date."] });
  if (first > last) {
    throw new Invalid("From must be on or before To.", { from: ["From must be on or before To."] });
  }
  const days = dayCount(first, last);
  if (days > maxReportDays) {
    throw new Invalid(`A report covers at most ${maxReportDays} days; this range has ${days}.`, {
      from: [`Choose a range of at most ${maxReportDays} days.`],
    });
  }
  return { from: first, to: last, days };
}

const total = (column: SQL | AnyColumn) => sql<string>`coalesce(sum(${column}), 0)`.mapWith(Number);

/** Names and ids selected for each grouping, and what the statement groups by. */
function groupColumns(group: Exclude<ReportGrouping, "day">) {
  const none = { orderId: sql<number | null>`null::integer`, order: sql<string | null>`null::text` };
  switch (group) {
    case "line_item":
      return {
        select: {
          id: sql<number>`${lineItems.id}`,
          orderId: sql<number | null>`${orders.id}`,
          order: sql<string | null>`${orders.name}`,
          zone: sql<string | null>`${adZones.name}`,
          property: sql<string | null>`${properties.name}`,
          advertiser: sql<string | null>`${advertisers.company}`,
        },
        groupBy: [lineItems.id, orders.id, adZones.id, properties.id, advertisers.id],
      };
    case "zone":
      return {
        select: {
          id: sql<number>`${adZones.id}`,
          ...none,
          zone: sql<string | null>`${adZones.name}`,
          property: sql<string | null>`${properties.name}`,
          advertiser: sql<string | null>`null::text`,
        },
        groupBy: [adZones.id, properties.id],
      };
    case "property":
      return {
        select: {
          id: sql<number>`${properties.id}`,
          ...none,
          zone: sql<string | null>`null::text`,
          property: sql<string | null>`${properties.name}`,
          advertiser: sql<string | null>`null::text`,
        },
        groupBy: [properties.id],
      };
    case "advertiser":
      return {
        select: {
          id: sql<number>`${advertisers.id}`,
          ...none,
          zone: sql<string | null>`null::text`,
          property: sql<string | null>`null::text`,
          advertiser: sql<string | null>`${advertisers.company}`,
        },
        groupBy: [advertisers.id],
      };
  }
}

/** Impressions, clicks and conversions within the range per day, summed by PostgreSQL. */
function countsByDay(db: Queryable, scope: SQL, from: string, to: string) {
  return db
    .select({
      day: deliveryDaily.day,
      impressions: total(deliveryDaily.impressions),
      clicks: total(deliveryDaily.clicks),
      conversions: total(deliveryDaily.conversions),
    })
    .from(deliveryDaily)
    .innerJoin(lineItems, eq(lineItems.id, deliveryDaily.lineItemId))
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .where(and(gte(deliveryDaily.day, from), lte(deliveryDaily.day, to), scope))
    .groupBy(deliveryDaily.day);
}

/**
 * Counts within the range per group. The daily rows are first summed per line item (the
 * range scan on delivery_daily_day_index), then the few per-line-item sums are joined
 * to their names and summed again per group.
 */
function countsByGroup(
  db: Queryable,
  scope: SQL,
  group: Exclude<ReportGrouping, "day">,
  from: string,
  to: string,
) {
  const inRange = db
    .select({
      lineItemId: deliveryDaily.lineItemId,
      impressions: sql<string>`sum(${deliveryDaily.impressions})`.as("impressions"),
      clicks: sql<string>`sum(${deliveryDaily.clicks})`.as("clicks"),
      conversions: sql<string>`sum(${deliveryDaily.conversions})`.as("conversions"),
    })
    .from(deliveryDaily)
    .innerJoin(lineItems, eq(lineItems.id, deliveryDaily.lineItemId))
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .where(and(gte(deliveryDaily.day, from), lte(deliveryDaily.day, to), scope))
    .groupBy(deliveryDaily.lineItemId)
    .as("in_range");
  const { select, groupBy } = groupColumns(group);
  return db
    .select({
      ...select,
      impressions: total(sql`${inRange.impressions}`),
      clicks: total(sql`${inRange.clicks}`),
      conversions: total(sql`${inRange.conversions}`),
    })
    .from(inRange)
    .innerJoin(lineItems, eq(lineItems.id, inRange.lineItemId))
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .where(scope)
    .groupBy(...groupBy);
}

/**
 * Booked line items whose dates overlap the range, each with what it delivered from its
 * start through `asOf`: summed by PostgreSQL per line item (LATERAL), through
 * delivery_daily's primary key, so only those line items' rows are read.
 */
function bookedLineItems(db: Queryable, scope: SQL, from: string, to: string, asOf: string) {
  const toDate = db
    .select({
      impressions: sql<string>`coalesce(sum(${deliveryDaily.impressions}), 0)`.as("to_date_impressions"),
      clicks: sql<string>`coalesce(sum(${deliveryDaily.clicks}), 0)`.as("to_date_clicks"),
    })
    .from(deliveryDaily)
    .where(and(eq(deliveryDaily.lineItemId, lineItems.id), lte(deliveryDaily.day, asOf)))
    .as("to_date");
  return db
    .select({
      id: lineItems.id,
      orderId: orders.id,
      order: orders.name,
      zoneId: adZones.id,
      zone: adZones.name,
      propertyId: properties.id,
      property: properties.name,
      advertiserId: advertisers.id,
      advertiser: advertisers.company,
      model: lineItems.model,
      status: lineItems.status,
      quantity: lineItems.quantity,
      amount: lineItems.amount,
      startDate: lineItems.startDate,
      endDate: lineItems.endDate,
      impressions: sql<string>`${toDate.impressions}`.mapWith(Number),
      clicks: sql<string>`${toDate.clicks}`.mapWith(Number),
    })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .innerJoin(adZones, eq(adZones.id, lineItems.zoneId))
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .innerJoinLateral(toDate, sql`true`)
    .where(
      and(
        scope,
        lte(lineItems.startDate, to),
        gte(lineItems.endDate, from),
        ne(lineItems.status, "canceled"),
        or(
          inArray(orders.status, bookedStatuses),
          and(eq(orders.status, "archived"), inArray(orders.statusBeforeArchive, bookedStatuses)),
        ),
      ),
    );
}

type BookedLineItem = Awaited<ReturnType<typeof bookedLineItems>>[number];

/** Days of a sponsorship that are over by the end of `asOf` (today itself is not over yet). */
function daysRun(li: BookedLineItem, asOf: string, today: string): number {
  const lastOver = asOf < today ? asOf : addDays(today, -1);
  const last = earlierDay(lastOver, li.endDate);
  return Math.min(li.quantity, dayCount(li.startDate, last));
}

type Pacing = {
  model: BookedLineItem["model"];
  status: string;
  amount: number;
  booked: number;
  delivered: number;
  expected: number;
  impressions: number;
  clicks: number;
};

function pacingOf(li: BookedLineItem, asOf: string, today: string): Pacing {
  const delivered =
    li.model === "cpm" ? li.impressions : li.model === "cpc" ? li.clicks : daysRun(li, asOf, today);
  return {
    model: li.model,
    status: li.status,
    amount: li.amount,
    booked: li.quantity,
    delivered,
    expected: expectedByToday(li.quantity, li, asOf),
    // summarize() adds these up; the report's counts come from the range query instead.
    impressions: 0,
    clicks: 0,
  };
}

const unitOf = { cpm: "impressions", cpc: "clicks", cpd: "days" } as const;

function units(items: readonly Pacing[], pick: (p: Pacing) => number): ReportUnits {
  const out: ReportUnits = { impressions: 0, clicks: 0, days: 0 };
  for (const p of items) out[unitOf[p.model]] += pick(p);
  return out;
}

type BookedFigures = Pick<
  DeliveryReportRow,
  "lineItems" | "booked" | "delivered" | "deliveredPercent" | "expectedPercent" | "pacingPercent" | "pacing"
>;

const nothingBooked: BookedFigures = {
  lineItems: 0,
  booked: null,
  delivered: null,
  deliveredPercent: null,
  expectedPercent: null,
  pacingPercent: null,
  pacing: null,
};

/**
 * Delivered vs booked and pacing of a set of line items. One line item is judged in its
 * own units, as on the order's delivery page; several are weighted by value, as the
 * order's totals are (summarize), because impressions, clicks and days do not add up.
 */
function bookedFigures(items: readonly Pacing[]): BookedFigures {
  if (items.length === 0) return nothingBooked;
  const booked = units(items, (p) => p.booked);
  const delivered = units(items, (p) => p.delivered);
  if (items.length === 1) {
    const [p] = items;
    return {
      lineItems: 1,
      booked,
      delivered,
      deliveredPercent: (p.delivered / p.booked) * 100,
      expectedPercent: (p.expected / p.booked) * 100,
      pacingPercent: pacingPercent(p.delivered, p.expected),
      pacing: pacingStatus(p.delivered, p.expected, p.booked),
    };
  }
  const summary = summarize(items);
  // Shares are fractions; compared in millionths of a percent so 110.000000001% is still 110%.
  const scaled = (percent: number) => Math.round(percent * 1e6);
  return {
    lineItems: items.length,
    booked,
    delivered,
    deliveredPercent: summary.deliveredPercent,
    expectedPercent: summary.expectedPercent,
    pacingPercent: summary.pacingPercent,
    pacing: pacingStatus(scaled(summary.deliveredPercent), scaled(summary.expectedPercent), scaled(100)),
  };
}

function groupKeyOf(group: Exclude<ReportGrouping, "day">, li: BookedLineItem): number {
  if (group === "line_item") return li.id;
  if (group === "zone") return li.zoneId;
  if (group === "property") return li.propertyId;
  return li.advertiserId;
}

function namesOf(group: Exclude<ReportGrouping, "day">, li: BookedLineItem) {
  const lineItem = group === "line_item";
  return {
    orderId: lineItem ? li.orderId : null,
    order: lineItem ? li.order : null,
    zone: lineItem || group === "zone" ? li.zone : null,
    property: group === "advertiser" ? null : li.property,
    advertiser: lineItem || group === "advertiser" ? li.advertiser : null,
  };
}

function labelOf(
  group: ReportGrouping,
  id: number,
  names: Pick<DeliveryReportRow, "zone" | "property" | "advertiser">,
) {
  if (group === "line_item") return `#${id} ${names.zone ?? ""}`.trim();
  if (group === "zone") return names.zone ?? `Zone #${id}`;
  if (group === "property") return names.property ?? `Property #${id}`;
  return names.advertiser ?? `Advertiser #${id}`;
}

type Counts = { impressions: number; clicks: number; conversions: number };

function sortValue(row: DeliveryReportRow, sort: ReportSort, group: ReportGrouping) {
  switch (sort) {
    case "label":
      return group === "day" || group === "line_item" ? null : row.label;
    case "impressions":
    case "clicks":
    case "conversions":
    case "ctr":
      return row[sort];
    case "booked":
      return row.booked;
    case "delivered":
      return row.deliveredPercent;
    case "pacing":
      return row.pacingPercent;
  }
}

/** Sorted by the chosen column, rows without a value last either way; ties by key. */
function compareRows(sort: ReportSort, dir: "asc" | "desc", group: ReportGrouping) {
  const sign = dir === "asc" ? 1 : -1;
  const byKey = (a: DeliveryReportRow, b: DeliveryReportRow) =>
    group === "day" ? a.key.localeCompare(b.key) : (a.id ?? 0) - (b.id ?? 0);
  return (a: DeliveryReportRow, b: DeliveryReportRow) => {
    if (sort === "label" && (group === "day" || group === "line_item")) return sign * byKey(a, b);
    const x = sortValue(a, sort, group);
    const y = sortValue(b, sort, group);
    if (x === null && y === null) return byKey(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    let c: number;
    if (typeof x === "string") c = x.localeCompare(y as string, "en", { sensitivity: "base" });
    else if (typeof x === "number") c = x - (y as number);
    else {
      const u = y as ReportUnits;
      c = x.impressions - u.impressions || x.clicks - u.clicks || x.days - u.days;
    }
    return c === 0 ? byKey(a, b) : sign * c;
  };
}

function emptyRow(key: string, id: number | null, label: string): DeliveryReportRow {
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

/**
 * The delivery report (issue 5): for a range of days (default the last 30 through
 * today in the publisher's time zone, at most 366), impressions, clicks, CTR and
 * conversions by day, line item, zone, property or advertiser, with delivered vs booked
 * and pacing (as of the range's last day, or today if that is later) for the line items
 * whose dates overlap the range, and a totals row.
 *
 * Staff see their publisher's delivery; an advertiser only that of their own orders.
 * The scoping is in every statement's WHERE clause, and the sums are PostgreSQL's
 * (GROUP BY); only pacing, per booked line item, is worked out here (lib/booking/pacing).
 */
export async function deliveryReport(ctx: Ctx, raw: DeliveryReportInput) {
  const actor = requirePerson(
    ctx.actor,
    "Delivery reports are for the publisher's team and its advertisers.",
  );
  const parsed = deliveryReportInput.safeParse(raw);
  if (!parsed.success) throw invalidRequest(parsed.error, "Please correct the report's options.");
  const input = parsed.data;
  const { group } = input;
  if (actor.kind === "advertiser" && group === "advertiser") {
    throw new Forbidden("The report by advertiser is for the publisher's team.");
  }
  const [publisher] = await ctx.db
    .select({ timezone: publishers.timezone })
    .from(publishers)
    .where(eq(publishers.id, actor.publisherId));
  if (!publisher) throw new NotFound("Publisher");
  const today = calendarDayIn(ctx.now, publisher.timezone);
  const { from, to, days } = resolveReportRange(input.from, input.to, today);
  // Pacing is judged as of the range's last day, or today when the range runs on past it.
  const asOf = to.localeCompare(today) < 0 ? to : today;
  const sortable = sortsFor(group);
  const sort =
    input.sort && sortable.includes(input.sort)
      ? { id: input.sort, dir: input.dir ?? (input.sort === "label" ? ("asc" as const) : ("desc" as const)) }
      : defaultSortFor(group);

  const scope = reportScope(actor);
  const [counted, booked] = await Promise.all([
    group === "day" ? countsByDay(ctx.db, scope, from, to) : countsByGroup(ctx.db, scope, group, from, to),
    bookedLineItems(ctx.db, scope, from, to, asOf),
  ]);
  const pacing = booked.map((li) => ({ li, pacing: pacingOf(li, asOf, today) }));

  const withCounts = (row: DeliveryReportRow, c: Counts): DeliveryReportRow => ({
    ...row,
    impressions: c.impressions,
    clicks: c.clicks,
    conversions: c.conversions,
    ctr: clickThroughRate(c.impressions, c.clicks),
  });

  let rows: DeliveryReportRow[];
  if (group === "day") {
    const byDay = new Map((counted as Awaited<ReturnType<typeof countsByDay>>).map((c) => [c.day, c]));
    // Days without delivery show as zeros, so the chart and table keep the calendar's shape.
    rows =
      byDay.size === 0
        ? []
        : dayRange(from, to).map((day) => {
            const c = byDay.get(day) ?? { impressions: 0, clicks: 0, conversions: 0 };
            return withCounts(emptyRow(day, null, day), c);
          });
  } else {
    const byKey = new Map<number, DeliveryReportRow>();
    for (const c of counted as Awaited<ReturnType<typeof countsByGroup>>) {
      const names = {
        orderId: c.orderId,
        order: c.order,
        zone: c.zone,
        property: c.property,
        advertiser: c.advertiser,
      };
      byKey.set(
        c.id,
        withCounts({ ...emptyRow(String(c.id), c.id, labelOf(group, c.id, names)), ...names }, c),
      );
    }
    const items = new Map<number, Pacing[]>();
    for (const { li, pacing: p } of pacing) {
      const id = groupKeyOf(group, li);
      if (!byKey.has(id)) {
        const names = namesOf(group, li);
        byKey.set(id, { ...emptyRow(String(id), id, labelOf(group, id, names)), ...names });
      }
      const list = items.get(id);
      if (list) list.push(p);
      else items.set(id, [p]);
    }
    rows = [...byKey.values()].map((row) => ({ ...row, ...bookedFigures(items.get(row.id!) ?? []) }));
  }
  rows.sort(compareRows(sort.id, sort.dir, group));

  const sum = (pick: (r: DeliveryReportRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const counts = {
    impressions: sum((r) => r.impressions),
    clicks: sum((r) => r.clicks),
    conversions: sum((r) => r.conversions),
  };
  const totals: DeliveryReportTotals = {
    ...counts,
    ctr: clickThroughRate(counts.impressions, counts.clicks),
    ...bookedFigures(pacing.map((p) => p.pacing)),
  };

  return {
    group,
    from,
    to,
    days,
    today,
    asOf,
    timeZone: publisher.timezone,
    sort,
    rows,
    totals,
  };
}

export type DeliveryReport = Awaited<ReturnType<typeof deliveryReport>>;
