import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { invoices, ledgerEntries, orderEvents, payments } from "@/db/schema";
import { Conflict } from "@/lib/core/errors";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk } from "@/test/fixtures/orders";
import { makeAdvertiser } from "@/test/fixtures/tenants";
import { payInvoiceOnline } from "./pay-invoice-online";
import { testCards, testProviderFee } from "./payment-provider";
import { requestPayment } from "./request-payment";

let keys = 0;
const key = () => `online-key-${++keys}-${Math.random().toString(36).slice(2)}`;

async function invoiced(tx: Transaction) {
  const desk = await makeDesk(tx);
  const order = await makeChargedOrder(tx, desk); // $10.00 due
  const invoice = await requestPayment(ctxFor(desk.sales, tx), { orderId: order.id });
  const pay = (amount: string, more: Record<string, unknown> = {}) =>
    payInvoiceOnline(ctxFor(desk.advertiserActor, tx), {
      invoiceId: invoice.id,
      amount,
      cardNumber: "4242 4242 4242 4242",
      idempotencyKey: key(),
      ...more,
    });
  return { desk, order, invoice, pay };
}

describe("payInvoiceOnline with the test provider", () => {
  it("takes an invoice in two part payments, each booked with the provider's fee, and marks it paid", async () => {
    await inRollback(async (tx) => {
      const { order, invoice, pay } = await invoiced(tx);
      const first = await pay("4.00");
      expect(first.payment).toMatchObject({
        status: "completed",
        paymentSystem: "test",
        amount: 400,
        fee: testProviderFee(400),
        fundsCredited: 400 - testProviderFee(400),
      });
      const [half] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(half.status).toBe("partially_paid");
      await expect(pay("6.01")).rejects.toThrow("At most $6.00");
      await pay("6.00");
      const [paid] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(paid.status).toBe("paid");
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(0);
      const events = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
      expect(events.map((e) => e.type)).toContain("payment_received");
    });
  });

  it("books nothing for a declined card, and says why", async () => {
    await inRollback(async (tx) => {
      const { order, pay } = await invoiced(tx);
      const result = await pay("10.00", { cardNumber: testCards.declined });
      expect(result.payment.status).toBe("declined");
      expect(result.message).toMatch(/declined/);
      const entries = await tx
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.paymentId, result.payment.id));
      expect(entries).toHaveLength(0);
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(1000);
      const events = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
      expect(events.find((e) => e.type === "payment_declined")?.payload).toMatchObject({ amount: 1000 });
      // A declined payment holds nothing back: the whole invoice can still be paid.
      expect((await pay("10.00")).payment.status).toBe("completed");
    });
  });

  it("leaves a payment processing when the card needs a retry, and completes it once on the retry", async () => {
    await inRollback(async (tx) => {
      const { order, pay } = await invoiced(tx);
      const form = { cardNumber: testCards.needsRetry, idempotencyKey: key() };
      const first = await pay("10.00", form);
      expect(first.payment.status).toBe("processing");
      expect(first.message).toMatch(/Try again/);
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(1000);
      // While it is processing its share is held: a second tab cannot pay it again.
      await expect(pay("1.00")).rejects.toThrow("still being processed");
      const retried = await pay("10.00", form);
      expect(retried.payment).toMatchObject({ id: first.payment.id, status: "completed" });
      const again = await pay("10.00", form);
      expect(again.payment).toMatchObject({ id: first.payment.id, status: "completed" });
      expect(
        await tx.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, first.payment.id)),
      ).toHaveLength(1);
    });
  });

  it("charges a double submission once and refuses the same key with another amount", async () => {
    await inRollback(async (tx) => {
      const { invoice, pay } = await invoiced(tx);
      const form = { idempotencyKey: key() };
      const a = await pay("3.00", form);
      const b = await pay("3.00", form);
      expect(b.payment.id).toBe(a.payment.id);
      expect(await tx.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
      await expect(pay("4.00", form)).rejects.toBeInstanceOf(Conflict);
    });
  });

  it("refuses bad amounts, void invoices, staff, and other advertisers' invoices, writing nothing", async () => {
    await inRollback(async (tx) => {
      const { desk, invoice, pay } = await invoiced(tx);
      await expect(pay("0")).rejects.toThrow("above zero");
      await expect(pay("abc")).rejects.toThrow();
      await expect(pay("1.00", { cardNumber: "not a card" })).rejects.toThrow("only digits");
      const other = await makeAdvertiser(tx, desk.publisher.id);
      await expect(
        payInvoiceOnline(ctxFor(other.actor, tx), {
          invoiceId: invoice.id,
          amount: "1.00",
          cardNumber: testCards.succeeds,
          idempotencyKey: key(),
        }),
      ).rejects.toThrow("not found");
      const foreign = await invoiced(tx);
      await expect(
        payInvoiceOnline(ctxFor(desk.advertiserActor, tx), {
          invoiceId: foreign.invoice.id,
          amount: "1.00",
          cardNumber: testCards.succeeds,
          idempotencyKey: key(),
        }),
      ).rejects.toThrow("not found");
      await expect(
        payInvoiceOnline(ctxFor(desk.sales, tx), {
          invoiceId: invoice.id,
          amount: "1.00",
          cardNumber: testCards.succeeds,
          idempotencyKey: key(),
        }),
      ).rejects.toThrow("advertiser");
      await tx.update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
      await expect(pay("1.00")).rejects.toThrow("void");
      expect(await tx.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(0);
    });
  });
});
