import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveryDaily, lineItems } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { getOrderDelivery } from "./get-order-delivery";
import { orderDeliveryCsv } from "./order-delivery-csv";

describe("delivery report", () => {
  it("adds up impressions, clicks, CTR and pacing per line item and for the order", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [us, gb],
      } = await makePendingOrder(
        tx,
        desk,
        [
          { quantity: 1000, startDate: "2030-01-10", endDate: "2030-01-11" },
          { quantity: 2000, countries: ["GB"], startDate: "2030-01-10", endDate: "2030-01-13" },
        ],
        "approved",
      );
      await tx.insert(deliveryDaily).values([
        { lineItemId: us.id, day: "2030-01-10", source: "pixel", impressions: 400, clicks: 2 },
        { lineItemId: us.id, day: "2030-01-11", source: "pixel", impressions: 300 },
        { lineItemId: us.id, day: "2030-01-11", source: "click", clicks: 1 },
        { lineItemId: gb.id, day: "2030-01-10", source: "pixel", impressions: 600, clicks: 6 },
        { lineItemId: gb.id, day: "2030-01-11", source: "pixel", impressions: 500, clicks: 5 },
      ]);
      const ctx = makeCtx(desk.advertiserActor, { db: tx, now: new Date("2030-01-11T12:00:00Z") });
      const report = await getOrderDelivery(ctx, order.id);

      expect(report.today).toBe("2030-01-11");
      expect(
        report.lineItems.map(({ id, impressions, clicks, delivered, expected, pacing }) => ({
          id,
          impressions,
          clicks,
          delivered,
          expected,
          pacing,
        })),
      ).toEqual([
        // Two of two days gone: all 1,000 expected, 700 delivered.
        { id: us.id, impressions: 700, clicks: 3, delivered: 700, expected: 1000, pacing: "behind" },
        // Two of four days gone: 1,000 of 2,000 expected, 1,100 delivered.
        { id: gb.id, impressions: 1100, clicks: 11, delivered: 1100, expected: 1000, pacing: "on_track" },
      ]);
      expect(report.lineItems[0].ctr).toBeCloseTo((3 / 700) * 100);
      expect(report.lineItems[1].pacingPercent).toBeCloseTo(110);
      expect(report.lineItems[1].deliveredPercent).toBeCloseTo(55);

      // Weighted by value ($10 and $20): delivered (0.7·10 + 0.55·20)/30 = 60%, expected (1·10 + 0.5·20)/30.
      expect(report.totals.impressions).toBe(1800);
      expect(report.totals.clicks).toBe(14);
      expect(report.totals.deliveredPercent).toBeCloseTo(60);
      expect(report.totals.expectedPercent).toBeCloseTo(200 / 3);
      expect(report.totals.pacingPercent).toBeCloseTo(90);

      expect(report.daily).toEqual([
        { day: "2030-01-10", impressions: 1000, clicks: 8 },
        { day: "2030-01-11", impressions: 800, clicks: 6 },
      ]);
      expect(report.rows).toEqual([
        { day: "2030-01-10", lineItemId: us.id, zone: "Leaderboard", impressions: 400, clicks: 2 },
        { day: "2030-01-10", lineItemId: gb.id, zone: "Leaderboard", impressions: 600, clicks: 6 },
        { day: "2030-01-11", lineItemId: us.id, zone: "Leaderboard", impressions: 300, clicks: 1 },
        { day: "2030-01-11", lineItemId: gb.id, zone: "Leaderboard", impressions: 500, clicks: 5 },
      ]);

      expect(orderDeliveryCsv(report).split("\r\n")).toEqual([
        "date,line_item_id,zone,impressions,clicks,ctr_percent",
        `2030-01-10,${us.id},Leaderboard,400,2,0.50`,
        `2030-01-10,${gb.id},Leaderboard,600,6,1.00`,
        `2030-01-11,${us.id},Leaderboard,300,1,0.33`,
        `2030-01-11,${gb.id},Leaderboard,500,5,1.00`,
        "",
      ]);

      const one = await getOrderDelivery(ctx, order.id, { lineItemId: gb.id });
      expect(one.totals).toMatchObject({ impressions: 1100, clicks: 11 });
      expect(one.totals.pacingPercent).toBeCloseTo(110);
      expect(one.daily).toEqual([
        { day: "2030-01-10", impressions: 600, clicks: 6 },
        { day: "2030-01-11", impressions: 500, clicks: 5 },
      ]);
      expect(one.lineItems).toHaveLength(2);
      await expect(getOrderDelivery(ctx, order.id, { lineItemId: 999_999_999 })).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });

  it("expects nothing before the flight and leaves canceled line items out of pacing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [kept, dropped],
      } = await makePendingOrder(
        tx,
        desk,
        [{ quantity: 1000 }, { quantity: 500, countries: ["GB"] }],
        "approved",
      );
      await tx.update(lineItems).set({ status: "canceled" }).where(eq(lineItems.id, dropped.id));
      const before = makeCtx(desk.advertiserActor, { db: tx, now: new Date("2030-01-05T12:00:00Z") });
      const report = await getOrderDelivery(before, order.id);
      expect(report.lineItems[0]).toMatchObject({
        id: kept.id,
        expected: 0,
        pacing: "not_started",
        ctr: null,
      });
      expect(report.lineItems[1]).toMatchObject({
        id: dropped.id,
        expected: 0,
        pacing: null,
        pacingPercent: null,
      });
      expect(report.totals).toMatchObject({
        impressions: 0,
        clicks: 0,
        deliveredPercent: 0,
        pacingPercent: null,
      });
      expect(report.daily).toEqual([]);

      const during = makeCtx(desk.advertiserActor, { db: tx, now: new Date("2030-01-10T12:00:00Z") });
      expect((await getOrderDelivery(during, order.id)).totals.expectedPercent).toBeCloseTo(50);
    });
  });
});
