import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { deliveryDaily, type lineItems, type orders, publishers } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { addProperty, addZone } from "@/test/fixtures/catalog";
import { addLineItem, addOrder, type Desk, makeDesk } from "@/test/fixtures/orders";
import { makeAdvertiser } from "@/test/fixtures/tenants";
import { deliveryReport } from "./delivery-report";
import { deliveryReportCsvRows } from "./delivery-report-csv";
import { deliveryReportInputFromParams, type ReportGrouping, reportGroupings } from "./delivery-report-input";

/** "Today" is 2030-01-20 in UTC; the main range is 2030-01-12 … 2030-01-18, so pacing is as of the 18th. */
const now = new Date("2030-01-20T12:00:00Z");
const range = { from: "2030-01-12", to: "2030-01-18" };

type Status = (typeof orders.status.enumValues)[number];
type Model = "cpm" | "cpc" | "cpd";

const order = (tx: Transaction, desk: Desk, advertiserId: number, name: string, status: Status) =>
  addOrder(tx, { publisherId: desk.publisher.id, advertiserId, name, status });

const lineItem = (
  tx: Transaction,
  desk: Desk,
  orderId: number,
  zoneId: number,
  model: Model,
  [startDate, endDate]: [string, string],
  quantity: number,
  amount: number,
  status: (typeof lineItems.status.enumValues)[number] = "delivering",
) =>
  addLineItem(tx, { id: orderId, publisherId: desk.publisher.id }, zoneId, {
    startDate,
    endDate,
    model,
    rate: 1,
    quantity,
    amount,
    status,
  });

type Day = {
  day: string;
  impressions?: number;
  clicks?: number;
  conversions?: number;
  source?: "pixel" | "manual";
};

async function deliver(tx: Transaction, lineItemId: number, days: Day[]) {
  await tx
    .insert(deliveryDaily)
    .values(days.map(({ source = "pixel" as const, ...d }) => ({ lineItemId, source, ...d })));
}

/**
 * Publisher A: property "Daily Brief" (zones Leaderboard CPM, Takeover CPD) and
 * "Weekend Edition" (zone Sidebar); advertisers X (live order O1) and Y (live order O2).
 *
 *   L1 X Leaderboard CPM 01-10…01-19  10,000 impr  $100   to 01-18: 4,200  expected 9,000  behind
 *   L2 X Takeover    CPD 01-15…01-24  10 days      $500   to 01-18: 4 days expected 4      on track
 *   L3 Y Sidebar     CPM 01-01…01-31  31,000 impr  $310   to 01-18: 22,000 expected 18,000 ahead
 *   L4 Y Leaderboard CPC 01-16…01-25  50 clicks    $50    to 01-18: 55     expected 15     delivered
 *   L8 Y Sidebar     CPM 01-22…01-28  7,000 impr   $70    (after the main range)
 *
 * Not booked: a pending order's line item, a canceled line item, one after the range.
 * Publisher B has delivery on the same days, which A's staff must never see.
 */
async function world(tx: Transaction) {
  const a = await makeDesk(tx);
  const weekend = await addProperty(tx, a.publisher.id, { name: "Weekend Edition" });
  const sidebar = await addZone(tx, weekend, { name: "Sidebar", baseRate: 500 });
  const x = { advertiser: a.advertiser, actor: a.advertiserActor };
  const y = await makeAdvertiser(tx, a.publisher.id);

  const o1 = await order(tx, a, x.advertiser.id, "X winter", "live");
  const o2 = await order(tx, a, y.advertiser.id, "Y launch", "live");
  const o3 = await order(tx, a, x.advertiser.id, "X pending", "pending_review");
  const l1 = await lineItem(tx, a, o1.id, a.cpm.id, "cpm", ["2030-01-10", "2030-01-19"], 10_000, 10_000);
  const l2 = await lineItem(tx, a, o1.id, a.cpd.id, "cpd", ["2030-01-15", "2030-01-24"], 10, 50_000);
  const l3 = await lineItem(tx, a, o2.id, sidebar.id, "cpm", ["2030-01-01", "2030-01-31"], 31_000, 31_000);
  const l4 = await lineItem(tx, a, o2.id, a.cpm.id, "cpc", ["2030-01-16", "2030-01-25"], 50, 5_000);
  const l8 = await lineItem(
    tx,
    a,
    o2.id,
    sidebar.id,
    "cpm",
    ["2030-01-22", "2030-01-28"],
    7_000,
    7_000,
    "ready",
  );
  const pending = await lineItem(tx, a, o3.id, a.cpm.id, "cpm", ["2030-01-12", "2030-01-13"], 1_000, 1_000);
  const canceled = await lineItem(
    tx,
    a,
    o1.id,
    a.cpm.id,
    "cpm",
    ["2030-01-12", "2030-01-14"],
    1_000,
    1_000,
    "canceled",
  );
  const later = await lineItem(tx, a, o1.id, a.cpm.id, "cpm", ["2030-02-01", "2030-02-05"], 1_000, 1_000);

  await deliver(tx, l1.id, [
    { day: "2030-01-11", impressions: 1000, clicks: 10 },
    { day: "2030-01-12", impressions: 1000, clicks: 10, conversions: 1 },
    { day: "2030-01-13", impressions: 900, clicks: 9 },
    { day: "2030-01-13", impressions: 100, clicks: 1, source: "manual" },
    { day: "2030-01-18", impressions: 1200, clicks: 12, conversions: 2 },
    { day: "2030-01-19", impressions: 800, clicks: 8 },
  ]);
  await deliver(tx, l2.id, [
    { day: "2030-01-15", impressions: 5000, clicks: 50 },
    { day: "2030-01-16", impressions: 4000, clicks: 20, conversions: 3 },
  ]);
  await deliver(tx, l3.id, [
    { day: "2030-01-05", impressions: 20_000, clicks: 100 },
    { day: "2030-01-12", impressions: 1000, clicks: 5 },
    { day: "2030-01-18", impressions: 1000, clicks: 5 },
  ]);
  await deliver(tx, l4.id, [
    { day: "2030-01-16", impressions: 2000, clicks: 30 },
    { day: "2030-01-17", impressions: 1000, clicks: 25 },
  ]);

  const b = await makeDesk(tx);
  const ob = await order(tx, b, b.advertiser.id, "B's order", "live");
  const lb = await lineItem(tx, b, ob.id, b.cpm.id, "cpm", ["2030-01-10", "2030-01-20"], 5_000, 5_000);
  await deliver(tx, lb.id, [
    { day: "2030-01-12", impressions: 777, clicks: 7 },
    { day: "2030-01-16", impressions: 555, clicks: 5 },
  ]);

  return {
    a,
    b,
    x,
    y,
    weekend,
    sidebar,
    orders: { o1, o2, o3, ob },
    lines: { l1, l2, l3, l4, l8, pending, canceled, later, lb },
  };
}

const ctx = (actor: Actor, tx: Transaction) => makeCtx(actor, { db: tx, now });

const counts = (rows: { key: string; impressions: number; clicks: number; conversions: number }[]) =>
  rows.map(({ key, impressions, clicks, conversions }) => ({ key, impressions, clicks, conversions }));

describe("delivery report: sums per grouping", () => {
  it("adds up each grouping in the range, with totals, for the publisher's staff", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const staff = ctx(w.a.sales, tx);
      const { l1, l2, l3, l4 } = w.lines;

      const byDay = await deliveryReport(staff, { ...range, group: "day" });
      expect(byDay).toMatchObject({ from: "2030-01-12", to: "2030-01-18", days: 7, asOf: "2030-01-18" });
      expect(counts(byDay.rows)).toEqual([
        { key: "2030-01-12", impressions: 2000, clicks: 15, conversions: 1 },
        { key: "2030-01-13", impressions: 1000, clicks: 10, conversions: 0 },
        { key: "2030-01-14", impressions: 0, clicks: 0, conversions: 0 },
        { key: "2030-01-15", impressions: 5000, clicks: 50, conversions: 0 },
        { key: "2030-01-16", impressions: 6000, clicks: 50, conversions: 3 },
        { key: "2030-01-17", impressions: 1000, clicks: 25, conversions: 0 },
        { key: "2030-01-18", impressions: 2200, clicks: 17, conversions: 2 },
      ]);
      expect(byDay.rows[0].ctr).toBeCloseTo(0.75);
      expect(byDay.rows[2].ctr).toBeNull();
      expect(byDay.rows.every((r) => r.booked === null && r.pacing === null)).toBe(true);
      expect(byDay.totals).toMatchObject({ impressions: 17_200, clicks: 167, conversions: 6, lineItems: 4 });
      expect(byDay.totals.ctr).toBeCloseTo((167 / 17_200) * 100);

      const byLineItem = await deliveryReport(staff, { ...range, group: "line_item", sort: "label" });
      expect(counts(byLineItem.rows)).toEqual([
        { key: String(l1.id), impressions: 3200, clicks: 32, conversions: 3 },
        { key: String(l2.id), impressions: 9000, clicks: 70, conversions: 3 },
        { key: String(l3.id), impressions: 2000, clicks: 10, conversions: 0 },
        { key: String(l4.id), impressions: 3000, clicks: 55, conversions: 0 },
      ]);
      expect(byLineItem.rows[0]).toMatchObject({
        label: `#${l1.id} Leaderboard`,
        orderId: w.orders.o1.id,
        order: "X winter",
        zone: "Leaderboard",
        property: "Daily Brief",
        advertiser: w.x.advertiser.company,
        lineItems: 1,
        booked: { impressions: 10_000, clicks: 0, days: 0 },
        delivered: { impressions: 4200, clicks: 0, days: 0 },
      });
      expect(byLineItem.totals).toMatchObject({ impressions: 17_200, clicks: 167, conversions: 6 });

      const byZone = await deliveryReport(staff, { ...range, group: "zone", sort: "label" });
      expect(byZone.rows.map((r) => [r.label, r.property, r.impressions, r.clicks, r.conversions])).toEqual([
        ["Leaderboard", "Daily Brief", 6200, 87, 3],
        ["Sidebar", "Weekend Edition", 2000, 10, 0],
        ["Takeover", "Daily Brief", 9000, 70, 3],
      ]);
      expect(byZone.rows[0]).toMatchObject({
        lineItems: 2,
        booked: { impressions: 10_000, clicks: 50, days: 0 },
        delivered: { impressions: 4200, clicks: 55, days: 0 },
      });

      const byProperty = await deliveryReport(staff, { ...range, group: "property", sort: "label" });
      expect(
        byProperty.rows.map((r) => [r.label, r.impressions, r.clicks, r.conversions, r.lineItems]),
      ).toEqual([
        ["Daily Brief", 15_200, 157, 6, 3],
        ["Weekend Edition", 2000, 10, 0, 1],
      ]);
      expect(byProperty.rows[0].booked).toEqual({ impressions: 10_000, clicks: 50, days: 10 });

      const byAdvertiser = await deliveryReport(staff, {
        ...range,
        group: "advertiser",
        sort: "impressions",
      });
      expect(byAdvertiser.rows.map((r) => [r.id, r.impressions, r.clicks, r.conversions])).toEqual([
        [w.x.advertiser.id, 12_200, 102, 6],
        [w.y.advertiser.id, 5000, 65, 0],
      ]);

      for (const report of [byDay, byLineItem, byZone, byProperty, byAdvertiser]) {
        expect(report.totals).toMatchObject({ impressions: 17_200, clicks: 167, conversions: 6 });
      }
    });
  });

  it("lists booked line items without delivery in the range, and leaves out what is not booked", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const report = await deliveryReport(ctx(w.a.admin, tx), {
        from: "2030-01-19",
        to: "2030-01-25",
        group: "line_item",
        sort: "label",
      });
      // Today is the 20th: pacing is as of today, and L8 (from the 22nd) has not started.
      // L2 has run 5 days (today is not over) of 6 expected; L3's 22,000 of 20,000 is exactly 110%.
      expect(report.asOf).toBe("2030-01-20");
      expect(report.rows.map((r) => [r.id, r.impressions, r.pacing])).toEqual([
        [w.lines.l1.id, 800, "behind"],
        [w.lines.l2.id, 0, "behind"],
        [w.lines.l3.id, 0, "on_track"],
        [w.lines.l4.id, 0, "delivered"],
        [w.lines.l8.id, 0, "not_started"],
      ]);
      const ids = report.rows.map((r) => r.id);
      for (const l of [w.lines.pending, w.lines.canceled, w.lines.later]) expect(ids).not.toContain(l.id);
    });
  });
});

describe("delivery report: pacing", () => {
  it("classifies each line item as of the range's end, and groups weighted by value", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const staff = ctx(w.a.sales, tx);
      const byLineItem = await deliveryReport(staff, { ...range, group: "line_item", sort: "label" });
      expect(
        byLineItem.rows.map(({ deliveredPercent, expectedPercent, pacing }) => ({
          deliveredPercent: Math.round(deliveredPercent! * 100) / 100,
          expectedPercent: Math.round(expectedPercent! * 100) / 100,
          pacing,
        })),
      ).toEqual([
        { deliveredPercent: 42, expectedPercent: 90, pacing: "behind" },
        { deliveredPercent: 40, expectedPercent: 40, pacing: "on_track" },
        { deliveredPercent: 70.97, expectedPercent: 58.06, pacing: "ahead" },
        { deliveredPercent: 110, expectedPercent: 30, pacing: "delivered" },
      ]);
      expect(byLineItem.rows[2].pacingPercent).toBeCloseTo((22_000 / 18_000) * 100);

      // Leaderboard: L1 ($100, 42% of 90%) and L4 ($50, 100% of 30%): 9,200 of 10,500 expected.
      const byZone = await deliveryReport(staff, { ...range, group: "zone", sort: "label" });
      const pacing = (rows: typeof byZone.rows) => rows.map((r) => [r.label, r.pacing, r.pacingPercent]);
      expect(byZone.rows[0].deliveredPercent).toBeCloseTo((9200 / 15_000) * 100);
      expect(byZone.rows[0].expectedPercent).toBeCloseTo(70);
      expect(pacing(byZone.rows)).toEqual([
        ["Leaderboard", "behind", expect.closeTo((9200 / 10_500) * 100)],
        ["Sidebar", "ahead", expect.closeTo((22_000 / 18_000) * 100)],
        ["Takeover", "on_track", 100],
      ]);

      const byProperty = await deliveryReport(staff, { ...range, group: "property", sort: "label" });
      expect(pacing(byProperty.rows)).toEqual([
        ["Daily Brief", "on_track", expect.closeTo((29_200 / 30_500) * 100)],
        ["Weekend Edition", "ahead", expect.closeTo((22_000 / 18_000) * 100)],
      ]);

      const byAdvertiser = await deliveryReport(staff, { ...range, group: "advertiser", sort: "label" });
      expect(Object.fromEntries(byAdvertiser.rows.map((r) => [r.id, [r.pacing, r.pacingPercent]]))).toEqual({
        [w.x.advertiser.id]: ["behind", expect.closeTo((24_200 / 29_000) * 100)],
        [w.y.advertiser.id]: ["ahead", expect.closeTo((27_000 / 19_500) * 100)],
      });

      // All four: 51,200 of 48,500 expected, in value.
      expect(byZone.totals).toMatchObject({ pacing: "on_track", lineItems: 4 });
      expect(byZone.totals.pacingPercent).toBeCloseTo((51_200 / 48_500) * 100);
      expect(byZone.totals.booked).toEqual({ impressions: 41_000, clicks: 50, days: 10 });
    });
  });

  it("sorts by pacing with the rows that have none last, in both directions", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const staff = ctx(w.a.sales, tx);
      const { l1, l2, l3, l4 } = w.lines;
      const desc = await deliveryReport(staff, { ...range, group: "line_item", sort: "pacing", dir: "desc" });
      expect(desc.rows.map((r) => r.id)).toEqual([l4.id, l3.id, l2.id, l1.id]);
      const asc = await deliveryReport(staff, { ...range, group: "line_item", sort: "pacing", dir: "asc" });
      expect(asc.rows.map((r) => r.id)).toEqual([l1.id, l2.id, l3.id, l4.id]);
      const byDay = await deliveryReport(staff, { ...range, group: "day", sort: "impressions", dir: "desc" });
      expect(byDay.rows.map((r) => r.key).slice(0, 2)).toEqual(["2030-01-16", "2030-01-15"]);
      // A sort that does not apply to days falls back to the calendar.
      const fallback = await deliveryReport(staff, { ...range, group: "day", sort: "pacing" });
      expect(fallback.rows[0].key).toBe("2030-01-12");
    });
  });
});

describe("delivery report: the date range", () => {
  it("includes both ends and nothing outside them", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const staff = ctx(w.a.sales, tx);
      const one = await deliveryReport(staff, { from: "2030-01-13", to: "2030-01-13", group: "day" });
      expect(counts(one.rows)).toEqual([
        { key: "2030-01-13", impressions: 1000, clicks: 10, conversions: 0 },
      ]);
      const edges = await deliveryReport(staff, { from: "2030-01-12", to: "2030-01-12", group: "line_item" });
      expect(edges.totals).toMatchObject({ impressions: 2000, clicks: 15 });
      const last = await deliveryReport(staff, { from: "2030-01-18", to: "2030-01-19", group: "zone" });
      expect(last.totals).toMatchObject({ impressions: 3000, clicks: 25 });
      const none = await deliveryReport(staff, { from: "2030-01-14", to: "2030-01-14", group: "day" });
      expect(none.rows).toEqual([]);
    });
  });

  it("defaults to the last 30 days through today in the publisher's time zone", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const utc = await deliveryReport(ctx(w.a.sales, tx), { group: "day" });
      expect(utc).toMatchObject({ from: "2029-12-22", to: "2030-01-20", days: 30, today: "2030-01-20" });
      await tx
        .update(publishers)
        .set({ timezone: "Pacific/Auckland" })
        .where(eq(publishers.id, w.a.publisher.id));
      // 2030-01-20 12:00 UTC is already the 21st in Auckland.
      const auckland = await deliveryReport(ctx(w.a.sales, tx), { group: "day" });
      expect(auckland).toMatchObject({ from: "2029-12-23", to: "2030-01-21", today: "2030-01-21" });
      const onlyTo = await deliveryReport(ctx(w.a.sales, tx), { to: "2030-01-18" });
      expect(onlyTo).toMatchObject({ from: "2029-12-20", to: "2030-01-18" });
    });
  });

  it("allows 366 days and refuses more, reversed ranges and made-up dates", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const staff = ctx(w.a.sales, tx);
      const year = await deliveryReport(staff, { from: "2029-01-18", to: "2030-01-18", group: "day" });
      expect(year.days).toBe(366);
      expect(year.totals).toMatchObject({ impressions: 17_200 + 1000 + 20_000 });
      await expect(deliveryReport(staff, { from: "2029-01-17", to: "2030-01-18" })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { from: [expect.stringContaining("366")] },
      });
      await expect(deliveryReport(staff, { from: "2030-01-19", to: "2030-01-18" })).rejects.toMatchObject({
        code: "invalid",
        message: "From must be on or before To.",
      });
      await expect(deliveryReport(staff, { from: "2030-02-30", to: "2030-03-01" })).rejects.toMatchObject({
        code: "invalid",
      });
      await expect(deliveryReport(staff, { from: "yesterday" })).rejects.toMatchObject({ code: "invalid" });
    });
  });
});

describe("delivery report: who sees what", () => {
  const otherGroupings = reportGroupings.filter((g) => g !== "advertiser");

  it("shows staff of publisher B none of A's delivery, in every grouping and in the CSV", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const aIds = new Set(Object.values(w.lines).map((l) => l.id));
      aIds.delete(w.lines.lb.id);
      for (const group of reportGroupings) {
        const report = await deliveryReport(ctx(w.b.admin, tx), { ...range, group });
        expect(report.totals).toMatchObject({ impressions: 1332, clicks: 12, lineItems: 1 });
        if (group === "line_item") expect(report.rows.map((r) => r.id)).toEqual([w.lines.lb.id]);
        if (group === "zone") expect(report.rows.map((r) => r.id)).toEqual([w.b.cpm.id]);
        if (group === "property") expect(report.rows.map((r) => r.id)).toEqual([w.b.property.id]);
        if (group === "advertiser") expect(report.rows.map((r) => r.id)).toEqual([w.b.advertiser.id]);
        const { rows } = await deliveryReportCsvRows(ctx(w.b.admin, tx), { ...range, group });
        const body = rows.slice(1);
        expect(body.length).toBe(group === "day" ? 7 : 1);
        const text = JSON.stringify(body);
        expect(text).not.toContain("X winter");
        if (group === "line_item") for (const id of aIds) expect(body.map((r) => r[0])).not.toContain(id);
      }
      // And A's staff see none of B's.
      const a = await deliveryReport(ctx(w.a.sales, tx), { ...range, group: "line_item" });
      expect(a.rows.map((r) => r.id)).not.toContain(w.lines.lb.id);
    });
  });

  it("shows advertiser X only X's orders, never Y's of the same publisher", async () => {
    await inRollback(async (tx) => {
      const w = await world(tx);
      const x = ctx(w.x.actor, tx);
      const { l1, l2, l3, l4 } = w.lines;
      const expected: Record<Exclude<ReportGrouping, "advertiser">, string[]> = {
        day: [
          "2030-01-12",
          "2030-01-13",
          "2030-01-14",
          "2030-01-15",
          "2030-01-16",
          "2030-01-17",
          "2030-01-18",
        ],
        line_item: [String(l1.id), String(l2.id)],
        zone: [String(w.a.cpm.id), String(w.a.cpd.id)],
        property: [String(w.a.property.id)],
      };
      for (const group of otherGroupings) {
        const report = await deliveryReport(x, { ...range, group, sort: "label" });
        // X: L1 3,200 + L2 9,000 impressions; Y's L3 and L4 never count.
        expect(report.totals).toMatchObject({
          impressions: 12_200,
          clicks: 102,
          conversions: 6,
          lineItems: 2,
        });
        expect(report.rows.map((r) => r.key).sort()).toEqual([...expected[group]].sort());
        const { rows } = await deliveryReportCsvRows(x, { ...range, group, sort: "label" });
        const text = JSON.stringify(rows);
        expect(text).not.toContain("Y launch");
        expect(text).not.toContain("Sidebar");
        expect(text).not.toContain(w.y.advertiser.company);
        if (group === "line_item") {
          expect(rows.slice(1).map((r) => r[0])).toEqual([l1.id, l2.id]);
          expect(rows.slice(1).map((r) => r[0])).not.toContain(l3.id);
          expect(rows.slice(1).map((r) => r[0])).not.toContain(l4.id);
        }
      }
      // The Leaderboard zone holds Y's L4 too: X sees only L1's share of it.
      const byZone = await deliveryReport(x, { ...range, group: "zone" });
      expect(byZone.rows.find((r) => r.id === w.a.cpm.id)).toMatchObject({
        impressions: 3200,
        clicks: 32,
        lineItems: 1,
        booked: { impressions: 10_000, clicks: 0, days: 0 },
      });
      // Y in turn sees only Y's.
      const y = await deliveryReport(ctx(w.y.actor, tx), { ...range, group: "line_item", sort: "label" });
      expect(y.rows.map((r) => r.id)).toEqual([l3.id, l4.id]);

      await expect(deliveryReport(x, { ...range, group: "advertiser" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(deliveryReportCsvRows(x, { ...range, group: "advertiser" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(deliveryReport({ ...x, actor: { kind: "system" } }, range)).rejects.toMatchObject({
        code: "forbidden",
      });
    });
  });
});

describe("delivery report: options from the URL", () => {
  it("keeps advertisers off the advertiser grouping and drops sorts that do not apply", () => {
    const staff = deliveryReportInputFromParams({ group: "advertiser", sort: "pacing", dir: "asc" });
    expect(staff.input).toMatchObject({ group: "advertiser", sort: "pacing", dir: "asc" });
    const advertiser = deliveryReportInputFromParams(
      { group: "advertiser", sort: "pacing" },
      { groupings: ["day", "line_item", "zone", "property"] },
    );
    expect(advertiser.input).toMatchObject({ group: "day", sort: "label", dir: undefined });
    const junk = deliveryReportInputFromParams({ group: "nope", page: "-3", from: "2030-01-01" });
    expect(junk).toMatchObject({ input: { group: "day", from: "2030-01-01" }, page: 1, pageSize: 50 });
  });
});
