import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { invoices, orderEvents, payments } from "@/db/schema";
import { payInvoiceOnline } from "@/lib/billing/pay-invoice-online";
import { type PaymentProvider, testCards, testPaymentProvider } from "@/lib/billing/payment-provider";
import { requestPayment } from "@/lib/billing/request-payment";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk, testNow } from "@/test/fixtures/orders";
import { checkStuckPayment, findStuckPaymentSteps } from "./stuck-payments";

const minutes = (n: number) => new Date(testNow.getTime() + n * 60_000);

/** An advertiser's card payment of the whole $10.00 invoice that the provider left processing. */
async function stuckPayment(tx: Transaction) {
  const desk = await makeDesk(tx);
  const order = await makeChargedOrder(tx, desk);
  const invoice = await requestPayment(ctxFor(desk.sales, tx), { orderId: order.id });
  const { payment } = await payInvoiceOnline(ctxFor(desk.advertiserActor, tx), {
    invoiceId: invoice.id,
    amount: "10.00",
    cardNumber: testCards.needsRetry,
    idempotencyKey: `stuck-${Math.random()}`,
  });
  expect(payment.status).toBe("processing");
  const read = async () => (await tx.select().from(payments).where(eq(payments.id, payment.id)))[0];
  const mine = async (now: Date) =>
    (await findStuckPaymentSteps(tx, now)).filter((s) => s.payload.paymentId === payment.id);
  const check = (provider: PaymentProvider, now: Date) =>
    checkStuckPayment(provider).outside(tx, { paymentId: payment.id }, now);
  return { desk, order, invoice, payment, read, mine, check };
}

const answering = (answer: Awaited<ReturnType<PaymentProvider["charge"]>>): PaymentProvider => ({
  name: "test",
  charge: testPaymentProvider.charge,
  status: async () => answer,
});

describe("the sweep of online payments left processing", () => {
  it("asks about a payment once it has been processing 15 minutes, once per 15 minutes", async () => {
    await inRollback(async (tx) => {
      const { mine } = await stuckPayment(tx);
      expect(await mine(minutes(14))).toHaveLength(0);
      const first = await mine(minutes(15));
      expect(first).toHaveLength(1);
      expect((await mine(minutes(29)))[0].uniqueKey).toBe(first[0].uniqueKey);
      expect((await mine(minutes(30)))[0].uniqueKey).not.toBe(first[0].uniqueKey);
    });
  });

  it("books a payment the provider says completed: ledger, invoice paid, fee kept apart", async () => {
    await inRollback(async (tx) => {
      const { order, invoice, read, check } = await stuckPayment(tx);
      await check(answering({ outcome: "completed", fee: 59, reference: "late_1" }), minutes(20));
      expect(await read()).toMatchObject({ status: "completed", fee: 59, fundsCredited: 941 });
      const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(row.status).toBe("paid");
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(0);
      // Asked again (a repeated step): booked once.
      await check(answering({ outcome: "completed", fee: 59, reference: "late_1" }), minutes(40));
      expect((await ledgerTotals(tx, order.id)).paid).toBe(1000);
      const [event] = await tx
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "payment_recorded")));
      expect(event.actorKind).toBe("system");
    });
  });

  it("waits while the provider does not know yet, and declines after 24 hours so the invoice is payable again", async () => {
    await inRollback(async (tx) => {
      const { order, read, check } = await stuckPayment(tx);
      const unsure = answering({ outcome: "retry", message: "Still thinking" });
      await check(unsure, minutes(60 * 23));
      expect((await read()).status).toBe("processing");
      await check(unsure, minutes(60 * 24));
      expect((await read()).status).toBe("declined");
      const [event] = await tx
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "payment_declined")));
      expect(event.payload.summary).toContain("did not confirm the payment within 24 hours");
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(1000);
    });
  });

  it("runs from the jobs runner: the test provider never completed it, so it is declined", async () => {
    await inRollback(async (tx) => {
      const { read } = await stuckPayment(tx);
      await runJobsOnce(tx, minutes(10));
      expect((await read()).status).toBe("processing");
      await runJobsOnce(tx, minutes(16));
      expect((await read()).status).toBe("declined");
    });
  }, 120_000);
});
