import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { deliveryDaily, lineItems, orderEvents } from "@/db/schema";
import { Forbidden } from "@/lib/core/errors";
import { inRollback, ready } from "@/test/db";
import { deliveryCtx, lineItemTotals, makeDeliveringOrder } from "@/test/fixtures/delivery";
import { addLineItem, makeDesk } from "@/test/fixtures/orders";
import { importDeliveryCsv } from "./import-delivery-csv";
import { recordManualDelivery } from "./record-manual-delivery";

const csv = (...lines: string[]) => ["line_item_id,day,impressions,clicks", ...lines].join("\r\n");

describe("importing delivery from a CSV", () => {
  // Migrating this worker's database is slow under load: do it under the hook timeout, not a test's.
  beforeAll(ready);

  it("previews without writing, then commits every row as an adjustment", async () => {
    await inRollback(async (tx) => {
      const { desk, orderId, lineItemId, longLineItemId } = await makeDeliveringOrder(tx);
      await tx.update(lineItems).set({ deliveredImpressions: 7 }).where(eq(lineItems.id, lineItemId));
      const file = csv(
        `${lineItemId},2030-01-10,100,3`,
        `${lineItemId},2030-01-11,200,4`,
        `${longLineItemId},2030-01-12,50,0`,
      );

      const preview = await importDeliveryCsv(deliveryCtx(desk.sales, tx), { csv: file, mode: "preview" });
      expect(preview).toMatchObject({
        mode: "preview",
        committed: false,
        errors: [],
        validRows: 3,
        unchangedRows: 0,
        totals: { impressions: 350, clicks: 7 },
        orderIds: [orderId],
      });
      expect(preview.rows.map((r) => [r.line, r.orderId, r.before, r.errors])).toEqual([
        [2, orderId, null, []],
        [3, orderId, null, []],
        [4, orderId, null, []],
      ]);
      expect(await tx.select().from(deliveryDaily).where(eq(deliveryDaily.lineItemId, lineItemId))).toEqual(
        [],
      );
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 7, clicks: 0 });

      const done = await importDeliveryCsv(deliveryCtx(desk.sales, tx), { csv: file, mode: "commit" });
      expect(done).toMatchObject({ mode: "commit", committed: true, validRows: 3 });
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 307, clicks: 7 });
      expect(await lineItemTotals(tx, longLineItemId)).toEqual({ impressions: 50, clicks: 0 });

      // Importing the same days again replaces the import rows: totals move by the difference only.
      const again = csv(`${lineItemId},2030-01-10,120,3`, `${lineItemId},2030-01-11,200,4`);
      const second = await importDeliveryCsv(deliveryCtx(desk.admin, tx), { csv: again, mode: "preview" });
      expect(second.rows.map((r) => r.before)).toEqual([
        { impressions: 100, clicks: 3 },
        { impressions: 200, clicks: 4 },
      ]);
      expect(second.unchangedRows).toBe(1);
      await importDeliveryCsv(deliveryCtx(desk.admin, tx), { csv: again, mode: "commit" });
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 327, clicks: 7 });
      const rows = await tx
        .select({
          day: deliveryDaily.day,
          source: deliveryDaily.source,
          impressions: deliveryDaily.impressions,
        })
        .from(deliveryDaily)
        .where(eq(deliveryDaily.lineItemId, lineItemId))
        .orderBy(asc(deliveryDaily.day));
      expect(rows).toEqual([
        { day: "2030-01-10", source: "import", impressions: 120 },
        { day: "2030-01-11", source: "import", impressions: 200 },
      ]);

      // A day recorded by hand is its own row: an import next to it does not touch it.
      await recordManualDelivery(deliveryCtx(desk.sales, tx), {
        lineItemId,
        day: "2030-01-10",
        impressions: 5,
        clicks: 0,
      });
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 332, clicks: 7 });

      const logged = await tx
        .select({ type: orderEvents.type, actor: orderEvents.actorUserId, payload: orderEvents.payload })
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "delivery_imported")))
        .orderBy(asc(orderEvents.id));
      expect(logged).toEqual([
        expect.objectContaining({
          actor: desk.sales.userId,
          payload: expect.objectContaining({ rows: 3, impressions: 350, clicks: 7 }),
        }),
        expect.objectContaining({
          actor: desk.admin.userId,
          payload: expect.objectContaining({
            rows: 1,
            impressions: 20,
            clicks: 0,
            changes: [
              {
                lineItemId,
                day: "2030-01-10",
                before: { impressions: 100, clicks: 3 },
                after: { impressions: 120, clicks: 3 },
              },
            ],
          }),
        }),
      ]);
    });
  });

  it("writes nothing when any row is bad, and lists every problem by line", async () => {
    await inRollback(async (tx) => {
      const { desk, lineItemId, longLineItemId } = await makeDeliveringOrder(tx);
      const canceled = await makeDeliveringOrder(tx, { status: "canceled" });
      const other = await makeDeliveringOrder(tx);
      const file = csv(
        `${lineItemId},2030-01-10,100,3`, // 2: fine
        `${lineItemId},2030-01-09,100,3`, // 3: before the line item starts
        `${longLineItemId},2030-01-13,100,3`, // 4: tomorrow
        `${canceled.lineItemId},2030-01-10,100,3`, // 5: canceled (and another desk's)
        `${other.lineItemId},2030-01-10,100,3`, // 6: another publisher's
        `${lineItemId},2030-01-10,90,3`, // 7: same line item and day as line 2
        `${lineItemId},2030-01-11,-1,x`, // 8: bad numbers
        "999999999,2030-01-10,1,1", // 9: no such line item
      );
      for (const mode of ["preview", "commit"] as const) {
        const result = await importDeliveryCsv(deliveryCtx(desk.sales, tx), { csv: file, mode });
        expect(result.committed).toBe(false);
        expect(result.validRows).toBe(1);
        expect(result.errors.map((e) => [e.line, e.field])).toEqual([
          [3, "day"],
          [4, "day"],
          [5, "line_item_id"],
          [6, "line_item_id"],
          [7, "day"],
          [8, "impressions"],
          [8, "clicks"],
          [9, "line_item_id"],
        ]);
        expect(result.errors.find((e) => e.line === 4)?.message).toMatch(/in the future/);
        expect(result.errors.find((e) => e.line === 7)?.message).toMatch(/already on line 2/);
        expect(result.errors.find((e) => e.line === 5)?.message).toBe(
          `Line item #${canceled.lineItemId} was not found among your orders.`,
        );
        expect(result.rows.map((r) => r.errors.length > 0)).toEqual([
          false,
          true,
          true,
          true,
          true,
          true,
          true,
          true,
        ]);
      }
      expect(await tx.select().from(deliveryDaily).where(eq(deliveryDaily.lineItemId, lineItemId))).toEqual(
        [],
      );
      expect(await lineItemTotals(tx, lineItemId)).toEqual({ impressions: 0, clicks: 0 });
      expect(await lineItemTotals(tx, other.lineItemId)).toEqual({ impressions: 0, clicks: 0 });
    });
  });

  it("refuses a canceled line item of the publisher's own", async () => {
    await inRollback(async (tx) => {
      const { desk, orderId } = await makeDeliveringOrder(tx);
      const extra = await addLineItem(tx, { id: orderId, publisherId: desk.publisher.id }, desk.cpm.id, {
        startDate: "2030-01-10",
        endDate: "2030-01-11",
        status: "canceled",
      });
      const result = await importDeliveryCsv(deliveryCtx(desk.sales, tx), {
        csv: csv(`${extra.id},2030-01-10,1,0`),
        mode: "commit",
      });
      expect(result.committed).toBe(false);
      expect(result.errors).toEqual([
        {
          line: 2,
          field: "line_item_id",
          message: `Line item #${extra.id} is canceled: delivery can no longer be recorded.`,
        },
      ]);
    });
  });

  it("reports file problems without touching the database, and is for writers only", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const missing = await importDeliveryCsv(deliveryCtx(desk.sales, tx), {
        csv: "line_item_id,day,impressions\n1,2030-01-10,5",
        mode: "commit",
      });
      expect(missing).toMatchObject({ committed: false, rows: [], errors: [{ line: 1, field: "clicks" }] });
      const empty = await importDeliveryCsv(deliveryCtx(desk.sales, tx), { csv: "", mode: "commit" });
      expect(empty.errors).toEqual([{ line: 0, field: "file", message: "The file is empty." }]);

      await expect(
        importDeliveryCsv(deliveryCtx(desk.advertiserActor, tx), { csv: csv("1,2030-01-10,1,1") }),
      ).rejects.toBeInstanceOf(Forbidden);
      await expect(
        importDeliveryCsv(deliveryCtx(desk.viewer, tx), { csv: csv("1,2030-01-10,1,1") }),
      ).rejects.toBeInstanceOf(Forbidden);
    });
  });
});
