import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderEvents } from "@/db/schema";
import { acceptQuote } from "@/lib/quotes/accept-quote";
import { sendQuote } from "@/lib/quotes/send-quote";
import { inRollback } from "@/test/db";
import { ctxFor, makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { approveOrder, approveOrderInput } from "./approve-order";
import { describeEventDetails } from "./describe-event";
import { runLineItemAction } from "./run-line-item-action";
import { runOrderAction } from "./run-order-action";

type Tx = Parameters<Parameters<typeof inRollback>[0]>[0];

async function lastEvent(tx: Tx, orderId: number, type: string) {
  const [event] = await tx
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, type)))
    .orderBy(desc(orderEvents.id));
  return { ...event, sentences: describeEventDetails(event.type, event.payload) };
}

describe("order events name what they touched and what they booked", () => {
  it("an approval that cancels a line item names it, what was reserved and what was charged", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [keep, drop],
      } = await makePendingOrder(tx, desk, [{ quantity: 600 }, { zoneId: desk.cpd.id, countries: ["GB"] }]);
      await approveOrder(
        ctxFor(desk.admin, tx),
        approveOrderInput.parse({ orderId: order.id, version: order.version, cancelLineItemIds: [drop.id] }),
      );
      const event = await lastEvent(tx, order.id, "approve");
      expect(event.payload).toMatchObject({
        lineItems: [
          { id: keep.id, zone: "Leaderboard", from: "pending", to: "ready" },
          { id: drop.id, zone: "Takeover", from: "pending", to: "canceled" },
        ],
        booked: {
          currency: "USD",
          reserved: [{ lineItemId: keep.id, quantity: 600, model: "cpm" }],
          charged: keep.amount,
        },
      });
      expect(event.sentences).toEqual([
        `made ready to deliver Leaderboard (#${keep.id})`,
        `canceled Takeover (#${drop.id})`,
        `reserved 600 impressions for Leaderboard (#${keep.id})`,
        "charged $6.00",
      ]);
    });
  });

  it("a line item cancel names the line item and the credit it booked", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [, drop],
      } = await makePendingOrder(tx, desk, [{ quantity: 600 }, { quantity: 1000, countries: ["GB"] }]);
      await approveOrder(
        ctxFor(desk.admin, tx),
        approveOrderInput.parse({ orderId: order.id, version: order.version }),
      );
      await runLineItemAction(ctxFor(desk.sales, tx), {
        orderId: order.id,
        lineItemId: drop.id,
        action: "cancel",
      });
      const event = await lastEvent(tx, order.id, "line_item_cancel");
      expect(event.payload).toMatchObject({
        lineItems: [{ id: drop.id, zone: "Leaderboard", from: "ready", to: "canceled" }],
        booked: { credits: [{ lineItemId: drop.id, amount: drop.amount }], released: [drop.id] },
      });
      expect(event.sentences).toContain(`credited $10.00 for Leaderboard (#${drop.id})`);
      expect(event.sentences[0]).toBe(`canceled Leaderboard (#${drop.id})`);
    });
  });

  it("a cancel before approval says it credited nothing; pause and resume name their line items", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [keep, drop],
      } = await makePendingOrder(tx, desk, [{ quantity: 600 }, { quantity: 1000, countries: ["GB"] }]);
      await runLineItemAction(ctxFor(desk.sales, tx), {
        orderId: order.id,
        lineItemId: drop.id,
        action: "cancel",
      });
      const canceled = await lastEvent(tx, order.id, "line_item_cancel");
      expect(canceled.sentences).toEqual([
        `canceled Leaderboard (#${drop.id})`,
        "no credit (nothing to credit)",
      ]);

      await approveOrder(
        ctxFor(desk.admin, tx),
        approveOrderInput.parse({ orderId: order.id, version: order.version + 1 }),
      );
      await runOrderAction(ctxFor(desk.sales, tx), { orderId: order.id, action: "pause" });
      expect((await lastEvent(tx, order.id, "pause")).sentences).toEqual([
        `paused Leaderboard (#${keep.id})`,
      ]);
      await runOrderAction(ctxFor(desk.sales, tx), { orderId: order.id, action: "resume" });
      expect((await lastEvent(tx, order.id, "resume")).sentences).toEqual([
        `resumed Leaderboard (#${keep.id})`,
      ]);
    });
  });

  it("an accepted quote says what it charged and what the quote took off", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 2000 }], "draft");
      await runOrderAction(ctxFor(desk.advertiserActor, tx), { orderId: order.id, action: "request_quote" });
      const { quote } = await sendQuote(ctxFor(desk.sales, tx), {
        orderId: order.id,
        price: "15.00",
        plan: "Leaderboard on both days.",
        terms: "Payment within 14 days.",
        expiresOn: "2029-12-05",
        estimatedCompletion: "2030-01-12",
      });
      await acceptQuote(ctxFor(desk.advertiserActor, tx), { orderId: order.id });
      const event = await lastEvent(tx, order.id, "accept_quote");
      expect(event.sentences).toEqual(
        expect.arrayContaining([`quote #${quote.id} at $15.00`, "charged $20.00", "discounted $5.00"]),
      );
    });
  });

  it("events that carry only ids still say which line item, creative or order they touched", () => {
    expect(describeEventDetails("delivery_recorded", { lineItemId: 7, day: "2030-01-10" })).toEqual([
      "line item #7",
    ]);
    expect(describeEventDetails("creative_assigned", { creativeId: 3, lineItemIds: [7, 8] })).toEqual([
      "line items #7 and #8",
      "creative #3",
    ]);
    expect(describeEventDetails("duplicated_to", { orderId: 42 })).toEqual(["to order #42"]);
  });
});
