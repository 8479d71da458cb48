import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { deliveryDaily, lineItems, orderEvents, publishers } from "@/db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/core/errors";
import { inRollback, ready } from "@/test/db";
import { deliveryCtx, lineItemTotals, makeDeliveringOrder } from "@/test/fixtures/delivery";
import { makeDesk } from "@/test/fixtures/orders";
import { reported } from "@/test/refusal";
import { recordManualDelivery } from "./record-manual-delivery";

const day = "2030-01-11";

async function events(tx: Transaction, orderId: number) {
  return tx
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "delivery_recorded")))
    .orderBy(asc(orderEvents.id));
}

describe("recording delivery by hand", () => {
  // Migrating this worker's database is slow under load: do it under the hook timeout, not a test's.
  beforeAll(ready);

  it("records a day, then edits it as an adjustment with who, before, after and why", async () => {
    await inRollback(async (tx) => {
      const { desk, orderId, lineItemId } = await makeDeliveringOrder(tx);
      // Pixel hits already counted on the same line item must survive the adjustments.
      await tx
        .update(lineItems)
        .set({ deliveredImpressions: 50, deliveredClicks: 2 })
        .where(eq(lineItems.id, lineItemId));

      const first = await recordManualDelivery(deliveryCtx(desk.sales, tx), {
        lineItemId: String(lineItemId),
        day,
        impressions: "1,200",
        clicks: "30",
      });
      expect(first).toMatchObject({ changed: true, before: null, after: { impressions: 1200, clicks: 30 } });
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 1250, clicks: 32 });

      await expect(
        recordManualDelivery(deliveryCtx(desk.sales, tx), { lineItemId, day, impressions: 1000, clicks: 30 }),
      ).rejects.toMatchObject({ fieldErrors: { reason: [expect.stringMatching(/say why/)] } });

      const second = await recordManualDelivery(deliveryCtx(desk.admin, tx), {
        lineItemId,
        day,
        impressions: 1000,
        clicks: 35,
        reason: "Newsletter tool corrected its count",
      });
      expect(second).toMatchObject({
        changed: true,
        before: { impressions: 1200, clicks: 30 },
        after: { impressions: 1000, clicks: 35 },
      });
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 1050, clicks: 37 });
      const rows = await tx.select().from(deliveryDaily).where(eq(deliveryDaily.lineItemId, lineItemId));
      expect(rows).toEqual([
        expect.objectContaining({ day, source: "manual", impressions: 1000, clicks: 35 }),
      ]);

      const log = await events(tx, orderId);
      expect(log.map((e) => [e.actorUserId, e.payload])).toEqual([
        [desk.sales.userId, { lineItemId, day, before: null, after: { impressions: 1200, clicks: 30 } }],
        [
          desk.admin.userId,
          {
            lineItemId,
            day,
            before: { impressions: 1200, clicks: 30 },
            after: { impressions: 1000, clicks: 35 },
            reason: "Newsletter tool corrected its count",
          },
        ],
      ]);

      // The same numbers again change nothing and log nothing.
      const same = await recordManualDelivery(deliveryCtx(desk.admin, tx), {
        lineItemId,
        day,
        impressions: 1000,
        clicks: 35,
      });
      expect(same.changed).toBe(false);
      expect(await events(tx, orderId)).toHaveLength(2);
    });
  });

  it("warns before saving more clicks than impressions, and saves them once confirmed", async () => {
    await inRollback(async (tx) => {
      const { desk, lineItemId } = await makeDeliveringOrder(tx);
      const typed = { lineItemId, day, impressions: "10", clicks: "50" };
      const warned = await recordManualDelivery(deliveryCtx(desk.sales, tx), typed).catch((e) => e);
      expect(warned).toBeInstanceOf(Invalid);
      expect(warned.fieldErrors.clicks).toEqual([
        "50 clicks is more than the 10 impressions recorded. Check the numbers, or confirm that this day really had more clicks than impressions.",
      ]);
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 0, clicks: 0 });

      await recordManualDelivery(deliveryCtx(desk.sales, tx), { ...typed, clicksAboveImpressions: "true" });
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 10, clicks: 50 });
    });
  });

  it("names the field for bad input", async () => {
    await inRollback(async (tx) => {
      const { desk, lineItemId } = await makeDeliveringOrder(tx);
      const attempt = (input: Record<string, unknown>) =>
        reported(
          recordManualDelivery(deliveryCtx(desk.sales, tx), {
            lineItemId,
            day,
            impressions: 1,
            clicks: 0,
            ...input,
          } as never),
        );
      await expect(attempt({ impressions: "-5" })).rejects.toMatchObject({
        fieldErrors: { impressions: ["Impressions cannot be negative."] },
      });
      await expect(attempt({ clicks: "2.5" })).rejects.toMatchObject({
        fieldErrors: { clicks: ["Clicks must be a whole number, 0 or more."] },
      });
      await expect(attempt({ clicks: "" })).rejects.toMatchObject({
        fieldErrors: { clicks: ["Enter the clicks."] },
      });
      await expect(attempt({ impressions: "lots" })).rejects.toMatchObject({
        fieldErrors: { impressions: ["Impressions must be a whole number, 0 or more."] },
      });
      await expect(attempt({ day: "2030-02-30" })).rejects.toMatchObject({
        fieldErrors: { day: ["Enter the day as YYYY-MM-DD."] },
      });
      await expect(attempt({ lineItemId: "" })).rejects.toMatchObject({
        fieldErrors: { lineItemId: ["Choose a line item."] },
      });
      await expect(attempt({ day: "2030-01-09" })).rejects.toMatchObject({
        fieldErrors: { day: [expect.stringContaining("outside the line item's dates")] },
      });
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 0, clicks: 0 });
    });
  });

  it("refuses a day in the future of the publisher's time zone", async () => {
    await inRollback(async (tx) => {
      const { desk, longLineItemId } = await makeDeliveringOrder(tx);
      const attempt = recordManualDelivery(deliveryCtx(desk.sales, tx), {
        lineItemId: longLineItemId,
        day: "2030-01-13",
        impressions: 10,
        clicks: 1,
      });
      await expect(attempt).rejects.toBeInstanceOf(Invalid);
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: { day: ["2030-01-13 is in the future: record delivery up to today (2030-01-12)."] },
      });
      // 23:30 on the 12th in UTC is already the 13th in Auckland.
      await tx
        .update(publishers)
        .set({ timezone: "Pacific/Auckland" })
        .where(eq(publishers.id, desk.publisher.id));
      const late = await recordManualDelivery(deliveryCtx(desk.sales, tx, new Date("2030-01-12T23:30:00Z")), {
        lineItemId: longLineItemId,
        day: "2030-01-13",
        impressions: 10,
        clicks: 1,
      });
      expect(late.changed).toBe(true);
    });
  });

  it("refuses canceled and pending line items", async () => {
    await inRollback(async (tx) => {
      const canceled = await makeDeliveringOrder(tx, { status: "canceled" });
      const attempt = recordManualDelivery(deliveryCtx(canceled.desk.sales, tx), {
        lineItemId: canceled.lineItemId,
        day,
        impressions: 10,
        clicks: 1,
      });
      await expect(attempt).rejects.toBeInstanceOf(Conflict);
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: { lineItemId: [expect.stringContaining("canceled")] },
      });
      const pending = await makeDeliveringOrder(tx, { status: "pending" });
      await expect(
        recordManualDelivery(deliveryCtx(pending.desk.sales, tx), {
          lineItemId: pending.lineItemId,
          day,
          impressions: 10,
          clicks: 1,
        }),
      ).rejects.toBeInstanceOf(Conflict);
      const completed = await makeDeliveringOrder(tx, { status: "completed" });
      const done = await recordManualDelivery(deliveryCtx(completed.desk.sales, tx), {
        lineItemId: completed.lineItemId,
        day,
        impressions: 10,
        clicks: 1,
      });
      expect(done.changed).toBe(true);
    });
  });

  it("is for the publisher's writers only: not another publisher, an advertiser or a viewer", async () => {
    await inRollback(async (tx) => {
      const { desk, lineItemId } = await makeDeliveringOrder(tx);
      const other = await makeDesk(tx);
      const input = { lineItemId, day, impressions: 10, clicks: 1 };
      await expect(recordManualDelivery(deliveryCtx(other.admin, tx), input)).rejects.toBeInstanceOf(
        NotFound,
      );
      await expect(recordManualDelivery(deliveryCtx(desk.advertiserActor, tx), input)).rejects.toBeInstanceOf(
        Forbidden,
      );
      await expect(recordManualDelivery(deliveryCtx(desk.viewer, tx), input)).rejects.toBeInstanceOf(
        Forbidden,
      );
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 0, clicks: 0 });
      expect(await tx.select().from(deliveryDaily).where(eq(deliveryDaily.lineItemId, lineItemId))).toEqual(
        [],
      );
    });
  });
});
