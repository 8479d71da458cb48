import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { invoices, ledgerEntries, lineItems, orderEvents, orders, payments } from "@/db/schema";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { requestPayment } from "@/lib/billing/request-payment";
import { describeError } from "@/lib/http/error-map";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { lineItemBlockedReason } from "@/lib/orders/line-item-blocked-reason";
import { inRollback, ready } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, type Desk, makeDesk } from "@/test/fixtures/orders";
import { saleKey } from "@/test/fixtures/sales";
import { confirmPartialOrder } from "./confirm-partial-order";
import { declinePartialOrder } from "./decline-partial-order";
import { listSaleOrders } from "./list-sale-orders";

beforeAll(ready);

const approved = { reviewStatus: "approved", reviewReason: null } as const;

/** A $10.00 order, invoiced in full, with `paid` (minor units) recorded in one bank transfer per amount. */
async function paidInPart(tx: Transaction, desk: Desk, paid: number[], { prepay = false } = {}) {
  const order = await makeChargedOrder(tx, desk);
  if (prepay) await tx.update(orders).set({ prepayRequired: true }).where(eq(orders.id, order.id));
  const invoice = await requestPayment(ctxFor(desk.sales, tx), { orderId: order.id });
  const recorded = [];
  for (const amount of paid) {
    recorded.push(
      await recordPayment(ctxFor(desk.sales, tx), {
        invoiceId: invoice.id,
        amount: (amount / 100).toFixed(2),
        paymentSystem: "Bank transfer",
        receivedOn: "2029-12-01",
        idempotencyKey: saleKey(),
      }),
    );
  }
  return { order, invoice, payments: recorded.map((r) => r.payment) };
}

/** What a refused verb must leave as it was. */
async function snapshot(tx: Transaction, orderId: number) {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
  return {
    order: { status: order.status, version: order.version },
    ledger: await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, orderId)),
    invoices: await tx.select().from(invoices).where(eq(invoices.orderId, orderId)),
    events: (await tx.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).length,
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected a refusal").not.toBeNull();
  return describeError(error);
}

describe("Order payment type filter", () => {
  it("keeps orders paid in several payments or in part under Partial, the others under Single", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 100_000 });
      const twice = await paidInPart(tx, desk, [500, 500]);
      const part = await paidInPart(tx, desk, [400]);
      const once = await paidInPart(tx, desk, [1000]);
      const unpaid = await paidInPart(tx, desk, []);
      const ctx = ctxFor(desk.viewer, tx);
      const partial = await listSaleOrders(ctx, { paymentType: "partial" });
      // Two payments, even in full, or paid in part: Partial. Paid once or not yet: Single.
      expect(partial.rows.map((o) => o.id).sort()).toEqual([twice.order.id, part.order.id].sort());
      expect(partial.rows.every((o) => o.partial)).toBe(true);
      const single = await listSaleOrders(ctx, { paymentType: "single" });
      expect(single.rows.map((o) => o.id).sort()).toEqual([once.order.id, unpaid.order.id].sort());
      expect(single.rows.every((o) => !o.partial)).toBe(true);
      expect((await listSaleOrders(ctx, {})).total).toBe(4);
      await expect(listSaleOrders(ctx, { paymentType: "some" })).rejects.toThrow();
    });
  });
});

describe("Confirm an order with partial payments", () => {
  it("writes off exactly the remainder: the invoice is paid, nothing is due and prepay line items may start", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, invoice } = await paidInPart(tx, desk, [300, 250], { prepay: true });
      const before = await ledgerTotals(tx, order.id);
      expect(before.balanceDue).toBe(450);
      // A line item with an approved creative waits only for the money.
      const ready = { status: "ready", startDate: "2030-01-10", creatives: [approved] };
      const today = "2029-12-01";
      expect(
        lineItemBlockedReason(ready, { prepayRequired: true, balanceDue: before.balanceDue, today }),
      ).toBe("Waiting for prepayment");

      const result = await confirmPartialOrder(ctxFor(desk.sales, tx), { orderId: order.id });
      expect(result).toMatchObject({ writtenOff: 450, received: 550, paidInFull: true });

      const after = await ledgerTotals(tx, order.id);
      expect(after).toMatchObject({ balanceDue: 0, paid: 550, discounted: 450, refundable: 0 });
      // The balance is the sum of the entries: charge − discount − payments.
      const entries = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id));
      const signed = entries.reduce(
        (sum, e) =>
          sum + (e.kind === "charge" || e.kind === "adjustment" || e.kind === "refund" ? 1 : -1) * e.amount,
        0,
      );
      expect(signed).toBe(after.balanceDue);
      const writeOff = entries.filter((e) => e.kind === "discount");
      expect(writeOff).toHaveLength(1);
      expect(writeOff[0]).toMatchObject({ amount: 450, createdBy: desk.sales.userId });
      expect(writeOff[0].reference).toMatch(/^Accepted as paid in part by /);

      const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(inv.status).toBe("paid");
      const events = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
      const confirmed = events.find((e) => e.type === "partial_order_confirmed");
      expect(confirmed?.payload).toMatchObject({
        amount: 450,
        received: 550,
        currency: "USD",
        summary: expect.stringContaining("$4.50 written off"),
      });
      expect(events.filter((e) => e.type === "payment_received")).toHaveLength(1);

      // Prepay line items no longer wait for the money.
      const [stored] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(stored.prepayRequired).toBe(true);
      expect(
        lineItemBlockedReason(ready, { prepayRequired: true, balanceDue: after.balanceDue, today }),
      ).not.toBe("Waiting for prepayment");

      // Once confirmed there is nothing left to write off: a second Confirm is refused.
      const again = await refusal(confirmPartialOrder(ctxFor(desk.sales, tx), { orderId: order.id }));
      expect(again).toMatchObject({ status: 409 });
      expect(again.message).toMatch(/nothing is left to pay|no partial payments/i);

      // The written-off rest cannot be paid on top (the order would be overpaid): refused, nothing written.
      const kept = await snapshot(tx, order.id);
      const overpay = await refusal(
        recordPayment(ctxFor(desk.sales, tx), {
          invoiceId: invoice.id,
          amount: "4.50",
          paymentSystem: "Bank transfer",
          receivedOn: "2029-12-02",
          idempotencyKey: saleKey(),
        }),
      );
      expect(overpay.fieldErrors?.invoiceId?.[0]).toMatch(/its order is settled/);
      expect(await snapshot(tx, order.id)).toEqual(kept);
    });
  });
});

describe("Decline an order with partial payments", () => {
  it("voids the unpaid invoice and cancels the order; the payments stay and can be refunded", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order, invoice, payments: paid } = await paidInPart(tx, desk, [400]);
      const result = await declinePartialOrder(ctxFor(desk.admin, tx), { orderId: order.id });
      expect(result).toMatchObject({ voided: 600, received: 400, refundable: 400 });

      const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(inv.status).toBe("void");
      const [o] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(o.status).toBe("canceled");
      const items = await tx.select().from(lineItems).where(eq(lineItems.orderId, order.id));
      expect(items.every((li) => li.status === "canceled")).toBe(true);
      // Credit notes as for Cancel; the payment is untouched.
      const totals = await ledgerTotals(tx, order.id);
      expect(totals).toMatchObject({
        paid: 400,
        refunded: 0,
        credited: 1000,
        balanceDue: -400,
        refundable: 400,
      });
      const [payment] = await tx.select().from(payments).where(eq(payments.id, paid[0].id));
      expect(payment).toMatchObject({ status: "completed", amount: 400 });
      const events = await tx
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "partial_order_declined")));
      expect(events[0]?.payload).toMatchObject({ unpaid: 600, received: 400, currency: "USD" });

      // Still refundable by staff, in full.
      await refundPayment(ctxFor(desk.admin, tx), {
        paymentId: paid[0].id,
        amount: "4.00",
        reason: "Order declined",
        idempotencyKey: saleKey(),
      });
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(0);
    });
  });
});

describe("Confirm and Decline refuse", () => {
  it("a fully paid order, an unpaid one, another publisher's, a viewer, an advertiser and bad ids, writing nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx, { capacity: 100_000 });
      const twice = await paidInPart(tx, desk, [500, 500]);
      const once = await paidInPart(tx, desk, [1000]);
      const part = await paidInPart(tx, desk, [400]);
      const unpaid = await paidInPart(tx, desk, []);
      const other = await makeDesk(tx);
      const verbs = [confirmPartialOrder, declinePartialOrder];

      for (const verb of verbs) {
        // Paid in full in two payments (nothing due), paid once, and not paid at all.
        for (const orderId of [twice.order.id, once.order.id, unpaid.order.id]) {
          const before = await snapshot(tx, orderId);
          const refused = await refusal(verb(ctxFor(desk.admin, tx), { orderId }));
          expect(refused.status).toBe(409);
          expect(refused.message).toMatch(/no partial payments|nothing is left|paid in full/i);
          expect(await snapshot(tx, orderId)).toEqual(before);
        }

        const before = await snapshot(tx, part.order.id);
        expect((await refusal(verb(ctxFor(other.admin, tx), { orderId: part.order.id }))).status).toBe(404);
        expect((await refusal(verb(ctxFor(desk.viewer, tx), { orderId: part.order.id }))).status).toBe(403);
        expect(
          (await refusal(verb(ctxFor(desk.advertiserActor, tx), { orderId: part.order.id }))).status,
        ).toBe(403);
        for (const orderId of ["abc", -1, 0, 2 ** 31, "1\u0000", null]) {
          const bad = await refusal(verb(ctxFor(desk.admin, tx), { orderId }));
          expect(bad.status).toBeGreaterThanOrEqual(400);
          expect(bad.status).toBeLessThan(500);
          expect(bad.fieldErrors.orderId?.length).toBeGreaterThan(0);
        }
        expect((await refusal(verb(ctxFor(desk.admin, tx), { orderId: 2 ** 31 - 1 }))).status).toBe(404);
        // A stale version is refused.
        const stale = await refusal(
          verb(ctxFor(desk.admin, tx), {
            orderId: part.order.id,
            version: before.order.version - 1,
          }),
        );
        expect(stale.status).toBe(409);
        expect(await snapshot(tx, part.order.id)).toEqual(before);
      }

      // A declined (canceled) order cannot then be confirmed.
      await declinePartialOrder(ctxFor(desk.sales, tx), { orderId: part.order.id });
      const closed = await refusal(confirmPartialOrder(ctxFor(desk.sales, tx), { orderId: part.order.id }));
      expect(closed).toMatchObject({ status: 409 });
      expect(closed.message).toContain("canceled");
    });
  });
});
