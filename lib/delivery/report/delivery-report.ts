import { eq } from "drizzle-orm";
import { publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Forbidden, NotFound } from "@/lib/core/errors";
import { requirePerson } from "@/lib/core/require-actor";
import { invalidRequest } from "@/lib/http/zod-errors";
import { type DeliveryReportInput, deliveryReportInput } from "./delivery-report-input";
import { clickThroughRate } from "./pacing";
import { dayRows, groupRows } from "./report-grouping";
import { bookedFigures, pacingOf } from "./report-pacing";
import {
  bookedLineItems,
  countsByDay,
  countsByGroup,
  type DayCounts,
  type GroupCounts,
  reportScope,
} from "./report-queries";
import { resolveReportRange } from "./report-range";
import type { DeliveryReportRow, DeliveryReportTotals } from "./report-row";
import { compareRows, reportSort } from "./report-sort";

/**
 * The delivery report (issue 5): for a range of days (default the last 30 through
 * today in the publisher's time zone, at most 366), impressions, clicks, CTR and
 * conversions by day, line item, zone, property or advertiser, with delivered vs booked
 * and pacing (as of the range's last day, or today if that is later) for the line items
 * whose dates overlap the range, and a totals row.
 *
 * Staff see their publisher's delivery; an advertiser only that of their own orders.
 * The scoping is in every statement's WHERE clause (report-queries), and the sums are
 * PostgreSQL's (GROUP BY); only pacing, per booked line item, is worked out here
 * (report-pacing).
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
  const sort = reportSort(input, group);

  const scope = reportScope(actor);
  const [counted, booked] = await Promise.all([
    group === "day" ? countsByDay(ctx.db, scope, from, to) : countsByGroup(ctx.db, scope, group, from, to),
    bookedLineItems(ctx.db, scope, from, to, asOf),
  ]);
  const paced = booked.map((li) => ({ li, pacing: pacingOf(li, asOf, today) }));
  const rows =
    group === "day"
      ? dayRows(counted as DayCounts[], from, to)
      : groupRows(group, counted as GroupCounts[], paced);
  rows.sort(compareRows(sort, group));

  const sum = (pick: (r: DeliveryReportRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const counts = {
    impressions: sum((r) => r.impressions),
    clicks: sum((r) => r.clicks),
    conversions: sum((r) => r.conversions),
  };
  const totals: DeliveryReportTotals = {
    ...counts,
    ctr: clickThroughRate(counts.impressions, counts.clicks),
    ...bookedFigures(paced.map((p) => p.pacing)),
  };

  return { group, from, to, days, today, asOf, timeZone: publisher.timezone, sort, rows, totals };
}

export type DeliveryReport = Awaited<ReturnType<typeof deliveryReport>>;
