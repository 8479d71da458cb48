import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { ledgerEntries, lineItems, orderEvents, outboxEmails } from "@/db/schema";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { inRollback } from "@/test/db";
import { ctxFor, type Desk, makeDesk, makePendingOrder, testNow } from "@/test/fixtures/orders";
import { approveOrder } from "./approve-order";
import { getOrderDetail } from "./get-order-detail";
import { orderPageModel } from "./order-page-model";
import { runLineItemAction } from "./run-line-item-action";
import { runOrderAction } from "./run-order-action";

/** Payments have no verb yet (they arrive from payment systems); the ledger entry is what counts. */
async function pay(tx: Transaction, order: { id: number; publisherId: number }, amount: number) {
  await tx.insert(ledgerEntries).values({
    publisherId: order.publisherId,
    orderId: order.id,
    kind: "payment",
    amount,
    currency: "USD",
    reference: "Card payment",
  });
}

/** A quote below the rate card books a discount next to the charge. */
async function discount(tx: Transaction, order: { id: number; publisherId: number }, amount: number) {
  await tx.insert(ledgerEntries).values({
    publisherId: order.publisherId,
    orderId: order.id,
    kind: "discount",
    amount,
    currency: "USD",
    reference: "Quoted price",
  });
}

async function entries(tx: Transaction, orderId: number, kind: "credit_note" | "refund") {
  return tx
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orderId, orderId), eq(ledgerEntries.kind, kind)));
}

async function refundTrail(tx: Transaction, orderId: number) {
  const events = await tx
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "refund")));
  const emails = await tx
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.orderId, orderId), like(outboxEmails.subject, "Refund issued%")));
  return {
    events: events.length,
    emails: emails.length,
    refunds: (await entries(tx, orderId, "refund")).length,
  };
}

async function ownerSees(tx: Transaction, desk: Desk, orderId: number) {
  const ctx = ctxFor(desk.admin, tx);
  const detail = await getOrderDetail(ctx, { orderId });
  return { money: detail.money, model: orderPageModel(detail, ctx.actor, testNow) };
}

describe("a credit only credits what was charged", () => {
  it("submitting then canceling books no credit note and offers no refund", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(
        tx,
        desk,
        [{ quantity: 700 }, { zoneId: desk.cpd.id }],
        "draft",
      );
      const advertiser = ctxFor(desk.advertiserActor, tx);
      await runOrderAction(advertiser, { orderId: order.id, action: "submit" });
      await runOrderAction(advertiser, { orderId: order.id, action: "cancel" });

      expect(await entries(tx, order.id, "credit_note")).toEqual([]);
      const { money, model } = await ownerSees(tx, desk, order.id);
      expect(money).toMatchObject({ charged: 0, credited: 0, balanceDue: 0, refundable: 0 });
      expect(model.allowed).not.toContain("refund");
      expect(model.steps.join(" ")).not.toContain("Refund");
      await expect(
        runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "refund" }),
      ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Nothing to refund") });
      expect(await refundTrail(tx, order.id)).toEqual({ events: 0, emails: 0, refunds: 0 });
    });
  });

  it("canceling a line item before approval credits nothing, and approval charges only what is kept", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [keep, drop],
      } = await makePendingOrder(tx, desk, [{ quantity: 600 }, { quantity: 900, countries: ["GB"] }]);
      const { model } = await ownerSees(tx, desk, order.id);
      expect(model.lineItems.find((li) => li.id === drop.id)?.cancelCredit).toBe(0);
      await runLineItemAction(ctxFor(desk.sales, tx), {
        orderId: order.id,
        lineItemId: drop.id,
        action: "cancel",
      });
      expect(await entries(tx, order.id, "credit_note")).toEqual([]);

      await approveOrder(ctxFor(desk.sales, tx), {
        orderId: order.id,
        version: order.version + 1,
        cancelLineItemIds: [],
        overbook: false,
      });
      const totals = await ledgerTotals(tx, order.id);
      expect(totals).toMatchObject({ charged: keep.amount, credited: 0, balanceDue: keep.amount });
    });
  });

  it("canceling a discounted order credits at most the discounted price", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 1000 }], "approved");
      await discount(tx, order, order.total - 200);
      await runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "cancel" });
      const totals = await ledgerTotals(tx, order.id);
      expect(totals).toMatchObject({ credited: 200, balanceDue: 0, refundable: 0 });
    });
  });

  it("line items canceled one by one never credit more than the order was charged", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [first, second],
      } = await makePendingOrder(
        tx,
        desk,
        [{ quantity: 600 }, { quantity: 900, countries: ["GB"] }],
        "approved",
      );
      await discount(tx, order, first.amount);
      const staff = ctxFor(desk.sales, tx);
      await runLineItemAction(staff, { orderId: order.id, lineItemId: first.id, action: "cancel" });
      const { model } = await ownerSees(tx, desk, order.id);
      expect(model.lineItems.find((li) => li.id === second.id)?.cancelCredit).toBe(
        order.total - 2 * first.amount,
      );
      await runLineItemAction(staff, { orderId: order.id, lineItemId: second.id, action: "cancel" });
      const totals = await ledgerTotals(tx, order.id);
      expect(totals.credited).toBe(order.total - first.amount);
      expect(totals.balanceDue).toBe(0);
    });
  });
});

describe("a refund only returns what is owed", () => {
  it("is refused with nothing to refund, writing no refund, event or email", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 1000 }], "approved");
      await runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "cancel" });
      // Charged, credited in full, never paid: nobody owes anybody.
      expect(await ledgerTotals(tx, order.id)).toMatchObject({ balanceDue: 0, refundable: 0 });
      expect((await ownerSees(tx, desk, order.id)).model.allowed).not.toContain("refund");
      for (let i = 0; i < 4; i++) {
        await expect(
          runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "refund" }),
        ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Nothing to refund") });
      }
      expect(await refundTrail(tx, order.id)).toEqual({ events: 0, emails: 0, refunds: 0 });
    });
  });

  it("returns the paid credit once; a second refund is refused", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const {
        order,
        lineItems: [li],
      } = await makePendingOrder(tx, desk, [{ quantity: 1000 }], "approved");
      await pay(tx, order, order.total);
      await tx.update(lineItems).set({ deliveredImpressions: 250 }).where(eq(lineItems.id, li.id));
      await runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "cancel" });
      const owed = (await ledgerTotals(tx, order.id)).refundable;
      expect(owed).toBe(750);
      expect((await ownerSees(tx, desk, order.id)).model.allowed).toContain("refund");

      await runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "refund" });
      const [refund] = await entries(tx, order.id, "refund");
      expect(refund.amount).toBe(owed);
      await expect(
        runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "refund" }),
      ).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("already been refunded"),
      });
      expect(await refundTrail(tx, order.id)).toEqual({ events: 1, emails: 1, refunds: 1 });
      expect(await ledgerTotals(tx, order.id)).toMatchObject({ balanceDue: 0, refundable: 0 });
    });
  });

  it("returns no more than was paid, even when credit exceeds the payment", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makePendingOrder(tx, desk, [{ quantity: 1000 }], "approved");
      await pay(tx, order, 300);
      await runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "cancel" });
      await runOrderAction(ctxFor(desk.admin, tx), { orderId: order.id, action: "refund" });
      const [refund] = await entries(tx, order.id, "refund");
      expect(refund.amount).toBe(300);
      expect(await ledgerTotals(tx, order.id)).toMatchObject({ paid: 300, refunded: 300, balanceDue: 0 });
    });
  });
});
