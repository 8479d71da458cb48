import type { Queryable } from "@/db";
import type { UncountedReason } from "./serving";

export type DeliveryRow = {
  lineItemId: number;
  day: string;
  source: "pixel" | "click";
  impressions: number;
  clicks: number;
  conversions: number;
};

export type UncountedRow = {
  lineItemId: number;
  day: string;
  reason: UncountedReason;
  impressions: number;
  clicks: number;
};

const byKey = (a: { lineItemId: number; day: string }, b: { lineItemId: number; day: string }) =>
  a.lineItemId - b.lineItemId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

// Static text with array parameters: one named statement, parsed and planned once per connection.
const statementName = "addesk_tracking_batch";
const statement = `
  WITH counted AS (
    INSERT INTO delivery_daily AS d (line_item_id, day, source, impressions, clicks, conversions)
    SELECT * FROM unnest($1::int[], $2::date[], $3::text[]::delivery_source[], $4::bigint[], $5::bigint[], $6::bigint[])
    ON CONFLICT (line_item_id, day, source) DO UPDATE SET
      impressions = d.impressions + excluded.impressions,
      clicks = d.clicks + excluded.clicks,
      conversions = d.conversions + excluded.conversions
    RETURNING 1
  ), not_counted AS (
    INSERT INTO uncounted_hits AS u (line_item_id, day, reason, impressions, clicks)
    SELECT * FROM unnest($7::int[], $8::date[], $9::text[], $10::bigint[], $11::bigint[])
    ON CONFLICT (line_item_id, day, reason) DO UPDATE SET
      impressions = u.impressions + excluded.impressions,
      clicks = u.clicks + excluded.clicks
    RETURNING 1
  )
  UPDATE line_items AS li SET
    delivered_impressions = li.delivered_impressions + t.impressions,
    delivered_clicks = li.delivered_clicks + t.clicks
  FROM unnest($12::int[], $13::bigint[], $14::bigint[]) AS t(id, impressions, clicks)
  WHERE li.id = t.id`;

/**
 * Writes one batch of aggregated hits as ONE statement: upserts the daily delivery rows,
 * the not-counted rows and bumps the line items' delivered totals, all or nothing.
 * Rows are written in key order so two instances writing the same rows lock them in the
 * same order.
 */
export async function writeDeliveryBatch(db: Queryable, counted: DeliveryRow[], uncounted: UncountedRow[]) {
  const rows = [...counted].sort((a, b) => byKey(a, b) || (a.source < b.source ? -1 : 1));
  const notCounted = [...uncounted].sort((a, b) => byKey(a, b) || (a.reason < b.reason ? -1 : 1));
  const totals = new Map<number, { impressions: number; clicks: number }>();
  for (const row of rows) {
    const total = totals.get(row.lineItemId) ?? { impressions: 0, clicks: 0 };
    total.impressions += row.impressions;
    total.clicks += row.clicks;
    totals.set(row.lineItemId, total);
  }
  const lineItemTotals = [...totals]
    .filter(([, t]) => t.impressions > 0 || t.clicks > 0)
    .map(([id, t]) => ({ id, ...t }));

  const params = [
    rows.map((r) => r.lineItemId),
    rows.map((r) => r.day),
    rows.map((r) => r.source),
    rows.map((r) => r.impressions),
    rows.map((r) => r.clicks),
    rows.map((r) => r.conversions),
    notCounted.map((r) => r.lineItemId),
    notCounted.map((r) => r.day),
    notCounted.map((r) => r.reason),
    notCounted.map((r) => r.impressions),
    notCounted.map((r) => r.clicks),
    lineItemTotals.map((t) => t.id),
    lineItemTotals.map((t) => t.impressions),
    lineItemTotals.map((t) => t.clicks),
  ];
  await db._.session.prepareQuery({ sql: statement, params }, undefined, statementName, false).execute();
}
