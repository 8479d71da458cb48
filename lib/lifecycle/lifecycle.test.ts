import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { creatives, jobs, ledgerEntries, lineItems, orderEvents, orders } from "@/db/schema";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { addCreative } from "@/test/fixtures/creatives";
import { reservedOn } from "@/test/fixtures/inventory";
import { type Desk, makeDesk, makePendingOrder } from "@/test/fixtures/orders";

const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function approvedOrderWithCreative(
  tx: Parameters<Parameters<typeof inRollback>[0]>[0],
  desk: Desk,
  approved = true,
) {
  const made = await makePendingOrder(
    tx,
    desk,
    [{ quantity: 1000, startDate: "2030-01-10", endDate: "2030-01-11" }],
    "approved",
  );
  await addCreative(
    tx,
    { publisherId: desk.publisher.id, advertiserId: desk.advertiser.id, lineItemId: made.lineItems[0].id },
    { reviewStatus: approved ? "approved" : "pending" },
  );
  return made;
}

const statusOf = async (tx: Parameters<Parameters<typeof inRollback>[0]>[0], orderId: number) => {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
  const items = await tx.select().from(lineItems).where(eq(lineItems.orderId, orderId));
  return { order: order.status, lineItems: items.map((li) => li.status) };
};

describe("automatic line item lifecycle", () => {
  it("waits for the start date, then starts; completes when delivered and releases the rest", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await approvedOrderWithCreative(tx, desk);
      await runJobsOnce(tx, at("2030-01-09"));
      expect(await statusOf(tx, order.id)).toEqual({ order: "approved", lineItems: ["ready"] });

      await runJobsOnce(tx, at("2030-01-10"));
      expect(await statusOf(tx, order.id)).toEqual({ order: "live", lineItems: ["delivering"] });

      await tx.update(lineItems).set({ deliveredImpressions: 1000 }).where(eq(lineItems.id, li.id));
      await runJobsOnce(tx, at("2030-01-10"));
      await runJobsOnce(tx, at("2030-01-10"));
      expect(await statusOf(tx, order.id)).toEqual({ order: "completed", lineItems: ["completed"] });
      // Fully delivered on the first day: from today on, its reservation goes back to the pool.
      expect(await reservedOn(tx, desk.cpm.id)).toBe(0);
      expect((await ledgerTotals(tx, order.id)).credited).toBe(0);
      const events = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
      expect(events.filter((e) => e.actorKind === "system").map((e) => e.type)).toEqual([
        "start",
        "line_item_complete",
        "complete",
      ]);
    });
  });

  it("completes an under-delivered line item after its end date with a credit note", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await approvedOrderWithCreative(tx, desk);
      await runJobsOnce(tx, at("2030-01-10"));
      await tx.update(lineItems).set({ deliveredImpressions: 250 }).where(eq(lineItems.id, li.id));
      await runJobsOnce(tx, at("2030-01-12"));
      await runJobsOnce(tx, at("2030-01-12"));
      expect(await statusOf(tx, order.id)).toEqual({ order: "completed", lineItems: ["completed"] });
      expect((await ledgerTotals(tx, order.id)).credited).toBe(
        li.amount - Math.floor((li.amount * 250) / 1000),
      );
    });
  });

  it("credits under-delivery only up to what was charged, net of the discount", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await approvedOrderWithCreative(tx, desk);
      // Sold at a tenth of the rate card: the advertiser owes 10% of the line item.
      const net = Math.floor(li.amount / 10);
      await tx.insert(ledgerEntries).values({
        publisherId: desk.publisher.id,
        orderId: order.id,
        kind: "discount",
        amount: li.amount - net,
        currency: "USD",
      });
      await runJobsOnce(tx, at("2030-01-10"));
      await tx.update(lineItems).set({ deliveredImpressions: 250 }).where(eq(lineItems.id, li.id));
      await runJobsOnce(tx, at("2030-01-12"));
      await runJobsOnce(tx, at("2030-01-12"));
      expect(await statusOf(tx, order.id)).toEqual({ order: "completed", lineItems: ["completed"] });
      // 75% went undelivered, but only the 10% charged can be credited back.
      expect(await ledgerTotals(tx, order.id)).toMatchObject({ credited: net, balanceDue: 0, refundable: 0 });
    });
  });

  it("does not start a line item whose creative is not approved, and says why", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await approvedOrderWithCreative(tx, desk, false);
      await runJobsOnce(tx, at("2030-01-10"));
      expect(await statusOf(tx, order.id)).toEqual({ order: "live", lineItems: ["ready"] });
      await tx
        .update(creatives)
        .set({ reviewStatus: "approved" })
        .where(eq(creatives.advertiserId, desk.advertiser.id));
      await runJobsOnce(tx, at("2030-01-10"));
      expect(await statusOf(tx, order.id)).toEqual({ order: "live", lineItems: ["delivering"] });
    });
  });

  it("never runs a step twice, even when the schedule is swept again", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await approvedOrderWithCreative(tx, desk);
      const first = await runJobsOnce(tx, at("2030-01-10"));
      const again = await runJobsOnce(tx, at("2030-01-10"));
      expect(first.done).toBeGreaterThan(0);
      expect(again).toMatchObject({ scheduled: 0, done: 0 });
      const starts = await tx
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "start")));
      expect(starts).toHaveLength(1);
      const done = await tx
        .select()
        .from(jobs)
        .where(eq(jobs.uniqueKey, `start-order:${order.id}:v${order.version}`));
      expect(done[0].status).toBe("done");
    });
  });

  it("a job left running by a crashed worker is taken over after its lock expires", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await approvedOrderWithCreative(tx, desk);
      await tx.insert(jobs).values({
        kind: "start-order",
        uniqueKey: `start-order:${order.id}:v${order.version}`,
        payload: { orderId: order.id },
        runAt: at("2030-01-10"),
        status: "running",
        attempts: 1,
        lockedUntil: new Date(at("2030-01-10").getTime() - 1000),
      });
      await runJobsOnce(tx, at("2030-01-10"));
      expect((await statusOf(tx, order.id)).order).toBe("live");
    });
  });
});
