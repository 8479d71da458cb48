import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { lineItems } from "@/db/schema";
import type { deliverySource } from "@/db/schema/enums";

/**
 * Counts to add to one line item's day from one source. Negative counts take delivery
 * back (an edited manual or imported day moves by the difference).
 */
export type DeliveryToAdd = {
  lineItemId: number;
  /** YYYY-MM-DD in the publisher's time zone. */
  day: string;
  source: (typeof deliverySource.enumValues)[number];
  impressions: number;
  clicks: number;
  conversions?: number;
};

/** Tracking hits kept for the publisher to see but not counted as delivery, and why. */
export type NotCountedHits = {
  lineItemId: number;
  day: string;
  /** Why they did not count (lib/tracking/serving.ts `UncountedReason`). */
  reason: string;
  impressions: number;
  clicks: number;
};

type Key = { lineItemId: number; day: string };
const byLineItemAndDay = (a: Key, b: Key) =>
  a.lineItemId - b.lineItemId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

/** Sums `rows` per line item, dropping line items whose totals do not move. */
function totalsByLineItem(rows: DeliveryToAdd[]) {
  const totals = new Map<number, { impressions: number; clicks: number }>();
  for (const row of rows) {
    const total = totals.get(row.lineItemId) ?? { impressions: 0, clicks: 0 };
    total.impressions += row.impressions;
    total.clicks += row.clicks;
    totals.set(row.lineItemId, total);
  }
  return [...totals]
    .filter(([, t]) => t.impressions !== 0 || t.clicks !== 0)
    .map(([id, t]) => ({ id, ...t }));
}

const param = (name: string) => sql.placeholder(name);

/**
 * The statement, built on `db` (the database or a transaction) and prepared under one
 * name: its text never changes, so PostgreSQL parses and plans it once per connection.
 * Whole arrays are its parameters (unnest), whatever the number of rows. The inserts are
 * CTEs of raw SQL (drizzle has no INSERT … SELECT unnest); their `one` column is only
 * there because a CTE must name what it returns.
 */
function buildAddDelivery(db: Queryable) {
  const counted = db.$with("counted", { one: sql<number>`1` }).as(sql`
    INSERT INTO delivery_daily AS d (line_item_id, day, source, impressions, clicks, conversions)
    SELECT * FROM unnest(
      ${param("lineItemIds")}::int[], ${param("days")}::date[], ${param("sources")}::text[]::delivery_source[],
      ${param("impressions")}::bigint[], ${param("clicks")}::bigint[], ${param("conversions")}::bigint[]
    )
    ON CONFLICT (line_item_id, day, source) DO UPDATE SET
      impressions = d.impressions + excluded.impressions,
      clicks = d.clicks + excluded.clicks,
      conversions = d.conversions + excluded.conversions
    RETURNING 1`);
  const notCounted = db.$with("not_counted", { one: sql<number>`1` }).as(sql`
    INSERT INTO uncounted_hits AS u (line_item_id, day, reason, impressions, clicks)
    SELECT * FROM unnest(
      ${param("notCountedLineItemIds")}::int[], ${param("notCountedDays")}::date[], ${param("reasons")}::text[],
      ${param("notCountedImpressions")}::bigint[], ${param("notCountedClicks")}::bigint[]
    )
    ON CONFLICT (line_item_id, day, reason) DO UPDATE SET
      impressions = u.impressions + excluded.impressions,
      clicks = u.clicks + excluded.clicks
    RETURNING 1`);
  return db
    .with(counted, notCounted)
    .update(lineItems)
    .set({
      deliveredImpressions: sql`${lineItems.deliveredImpressions} + t.impressions`,
      deliveredClicks: sql`${lineItems.deliveredClicks} + t.clicks`,
    })
    .from(
      sql`unnest(${param("totalIds")}::int[], ${param("totalImpressions")}::bigint[], ${param("totalClicks")}::bigint[]) AS t(id, impressions, clicks)`,
    )
    .where(sql`${lineItems.id} = t.id`)
    .prepare("addesk_add_delivery");
}

// Built once per database handle: building the query costs about as much CPU as sending it, and
// the tracking path sends hundreds of batches a second (bench/RESULTS.md, "Delivery writer").
const prepared = new WeakMap<Queryable, ReturnType<typeof buildAddDelivery>>();

function addDeliveryStatement(db: Queryable) {
  let statement = prepared.get(db);
  if (!statement) {
    statement = buildAddDelivery(db);
    prepared.set(db, statement);
  }
  return statement;
}

/**
 * The one writer of delivery: adds `rows` to the days in delivery_daily and to their
 * line items' delivered totals (and `notCounted` to uncounted_hits), as ONE statement,
 * so the totals always move with the days and a batch is all or nothing. Pixels, clicks,
 * manual entry and imports all go through here; callers check who may write and what.
 * Rows are written in key order, so two writers touching the same rows lock them in
 * the same order instead of deadlocking.
 */
export async function addDelivery(db: Queryable, rows: DeliveryToAdd[], notCounted: NotCountedHits[] = []) {
  if (rows.length === 0 && notCounted.length === 0) return;
  const days = [...rows].sort((a, b) => byLineItemAndDay(a, b) || (a.source < b.source ? -1 : 1));
  const hits = [...notCounted].sort((a, b) => byLineItemAndDay(a, b) || (a.reason < b.reason ? -1 : 1));
  const totals = totalsByLineItem(days);
  await addDeliveryStatement(db).execute({
    lineItemIds: days.map((r) => r.lineItemId),
    days: days.map((r) => r.day),
    sources: days.map((r) => r.source),
    impressions: days.map((r) => r.impressions),
    clicks: days.map((r) => r.clicks),
    conversions: days.map((r) => r.conversions ?? 0),
    notCountedLineItemIds: hits.map((r) => r.lineItemId),
    notCountedDays: hits.map((r) => r.day),
    reasons: hits.map((r) => r.reason),
    notCountedImpressions: hits.map((r) => r.impressions),
    notCountedClicks: hits.map((r) => r.clicks),
    totalIds: totals.map((t) => t.id),
    totalImpressions: totals.map((t) => t.impressions),
    totalClicks: totals.map((t) => t.clicks),
  });
}
