import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { lineItems, orders, publishers } from "@/db/schema";
import { inRollback } from "@/test/db";
import { ctxFor, type Desk, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { approveOrder, approveOrderInput } from "./approve-order";
import { getOrderDetail } from "./get-order-detail";
import { orderPageModel } from "./order-page-model";
import { pauseOrResumeLineItem } from "./pause-or-resume-line-item";
import { runLineItemAction } from "./run-line-item-action";
import { runOrderAction } from "./run-order-action";

/** An approved order of one line item starting 2030-01-10, forty days after the tests' "now", with no creative. */
async function approvedOrder(tx: Transaction, desk: Desk) {
  await tx.update(publishers).set({ advertiserMayPause: true }).where(eq(publishers.id, desk.publisher.id));
  const {
    order,
    lineItems: [li],
  } = await makePendingOrder(tx, desk, [{ quantity: 600 }]);
  await approveOrder(
    ctxFor(desk.admin, tx),
    approveOrderInput.parse({ orderId: order.id, version: order.version }),
  );
  return { orderId: order.id, lineItemId: li.id };
}

const statusOf = async (tx: Transaction, id: number) =>
  (await tx.select().from(orders).where(eq(orders.id, id)))[0].status;

describe("starting an order early is an explicit choice", () => {
  it("refuses to start before the start date with no creative unless the person chose to start early", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { orderId } = await approvedOrder(tx, desk);
      const refused = await runOrderAction(ctxFor(desk.sales, tx), { orderId, action: "start" }).catch(
        (e) => e,
      );
      expect(refused.message).toMatch(
        /its start date has not come yet and 1 of 1 line items cannot serve yet/,
      );
      expect(await statusOf(tx, orderId)).toBe("approved");

      await runOrderAction(ctxFor(desk.sales, tx), { orderId, action: "start", startEarly: "true" });
      expect(await statusOf(tx, orderId)).toBe("live");
    });
  });

  it("tells the person what will not serve and why before they confirm", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { orderId, lineItemId } = await approvedOrder(tx, desk);
      const ctx = ctxFor(desk.sales, tx);
      const model = orderPageModel(await getOrderDetail(ctx, { orderId }), desk.sales, ctx.now);
      expect(model.startWarnings).toEqual([
        "The order starts on 2030-01-10, in 40 days: line items still wait for their own start dates.",
        `Leaderboard (#${lineItemId}) will not serve: No creative assigned.`,
      ]);
    });
  });
});

describe("advertisers pause and resume only what they paused", () => {
  it("never resumes an order the publisher paused, nor touches its line items", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { orderId, lineItemId } = await approvedOrder(tx, desk);
      await runOrderAction(ctxFor(desk.sales, tx), { orderId, action: "pause" });
      const advertiser = ctxFor(desk.advertiserActor, tx);
      const resume = await runOrderAction(advertiser, { orderId, action: "resume" }).catch((e) => e);
      expect(resume.message).toBe(
        "The publisher paused this order, so only the publisher's team can resume it or its line items.",
      );
      const item = await pauseOrResumeLineItem(advertiser, { orderId, lineItemId, action: "resume" }).catch(
        (e) => e,
      );
      expect(item.message).toMatch(/The publisher paused this order/);
      expect(await statusOf(tx, orderId)).toBe("paused");
    });
  });

  it("resumes a line item the advertiser paused, but not one the publisher paused", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { orderId, lineItemId } = await approvedOrder(tx, desk);
      const advertiser = ctxFor(desk.advertiserActor, tx);
      await pauseOrResumeLineItem(advertiser, { orderId, lineItemId, action: "pause" });
      await pauseOrResumeLineItem(advertiser, { orderId, lineItemId, action: "resume" });
      await runLineItemAction(ctxFor(desk.sales, tx), { orderId, lineItemId, action: "pause" });
      const refused = await pauseOrResumeLineItem(advertiser, {
        orderId,
        lineItemId,
        action: "resume",
      }).catch((e) => e);
      expect(refused.message).toBe(
        "The publisher paused this line item, so only the publisher's team can resume it.",
      );
      const [li] = await tx.select().from(lineItems).where(eq(lineItems.id, lineItemId));
      expect(li).toMatchObject({ status: "paused", pausedBy: "publisher" });
    });
  });

  it("resumes an order the advertiser paused themselves", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { orderId } = await approvedOrder(tx, desk);
      const advertiser = ctxFor(desk.advertiserActor, tx);
      await runOrderAction(advertiser, { orderId, action: "pause" });
      await runOrderAction(advertiser, { orderId, action: "resume" });
      expect(await statusOf(tx, orderId)).toBe("approved");
    });
  });
});

describe("next steps respect the role", () => {
  it("asks staff who may act to review, and only tells a viewer what is waiting", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 600 }]);
      const stepsFor = async (actor: Desk["viewer"]) => {
        const ctx = ctxFor(actor, tx);
        return orderPageModel(await getOrderDetail(ctx, { orderId: order.id }), actor, ctx.now).steps;
      };
      expect(await stepsFor(desk.sales)).toContain(
        "Review the order: approve it to reserve inventory, or reject it with a reason.",
      );
      const viewerSteps = await stepsFor(desk.viewer);
      expect(viewerSteps.join(" ")).not.toMatch(/Review the order|approve it/);
      expect(viewerSteps).toContain(
        "Waiting for an owner, admin or sales manager to approve or reject the order.",
      );
    });
  });
});
