import { and, eq, like } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { invoices, ledgerEntries, orderEvents, outboxEmails, payments, publishers } from "@/db/schema";
import { Conflict } from "@/lib/core/errors";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, type Desk, makeDesk } from "@/test/fixtures/orders";
import { makeAdvertiser, makeStaff } from "@/test/fixtures/tenants";
import { issueDiscount } from "./issue-discount";
import { getInvoice, getOrderBilling } from "./order-billing";
import { recordPayment } from "./record-payment";
import { refundPayment } from "./refund-payment";
import { requestPayment } from "./request-payment";
import { reverseLedgerEntry } from "./reverse-ledger-entry";
import { voidInvoice } from "./void-invoice";

let keys = 0;
const key = () => `test-key-${++keys}-${Math.random().toString(36).slice(2)}`;

async function invoiced(tx: Transaction) {
  const desk = await makeDesk(tx);
  const order = await makeChargedOrder(tx, desk); // $10.00 due
  const invoice = await requestPayment(ctxFor(desk.sales, tx), { orderId: order.id });
  return { desk, order, invoice };
}

const pay = (tx: Transaction, desk: Desk, invoiceId: number, amount: string, more = {}) =>
  recordPayment(ctxFor(desk.sales, tx), {
    invoiceId,
    amount,
    paymentSystem: "Bank transfer",
    fee: "0.10",
    receivedOn: "2029-12-01",
    idempotencyKey: key(),
    ...more,
  });

describe("requestPayment", () => {
  it("issues an invoice for what is due, numbered per publisher without gaps, and emails a link to it", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      expect(invoice).toMatchObject({
        number: 1,
        amount: order.total,
        status: "open",
        dueDate: "2029-12-15",
      });
      const [mail] = await tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.orderId, order.id), like(outboxEmails.subject, "Invoice%")));
      expect(mail.subject).toContain("Invoice 1");
      expect(mail.text).toContain(`/advertiser/invoices/${invoice.id}`);
      expect(mail.text).toContain(`/advertiser/invoices/${invoice.id}/pdf`);
      // Everything due is invoiced: a second request is refused and uses no number.
      await expect(requestPayment(ctxFor(desk.sales, tx), { orderId: order.id })).rejects.toThrow(
        "already on open invoices",
      );
      const second = await makeChargedOrder(tx, desk);
      const next = await requestPayment(ctxFor(desk.sales, tx), { orderId: second.id });
      expect(next.number).toBe(2);
      const [pub] = await tx.select().from(publishers).where(eq(publishers.id, desk.publisher.id));
      expect(pub.nextInvoiceNumber).toBe(3);
      const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.type, "invoice_issued"));
      expect(event.payload).toMatchObject({ number: 1, amount: order.total });
    });
  });

  it("numbers each publisher's invoices on their own", async () => {
    await inRollback(async (tx) => {
      const a = await invoiced(tx);
      const b = await invoiced(tx);
      expect([a.invoice.number, b.invoice.number]).toEqual([1, 1]);
    });
  });
});

describe("getInvoice", () => {
  it("shows the invoice to its publisher's staff and its own advertiser, and to nobody else", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      await pay(tx, desk, invoice.id, "4");
      const seen = await getInvoice(ctxFor(desk.advertiserActor, tx), { invoiceId: invoice.id });
      expect(seen).toMatchObject({ paid: 400, order: { id: order.id }, invoice: { number: 1 } });
      expect(seen.payments).toHaveLength(1);
      const neighbour = await makeAdvertiser(tx, desk.publisher.id);
      await expect(getInvoice(ctxFor(neighbour.actor, tx), { invoiceId: invoice.id })).rejects.toThrow(
        "not found",
      );
      const other = await makeDesk(tx);
      await expect(getInvoice(ctxFor(other.admin, tx), { invoiceId: invoice.id })).rejects.toThrow(
        "not found",
      );
      await expect(getInvoice(ctxFor(other.advertiserActor, tx), { invoiceId: invoice.id })).rejects.toThrow(
        "not found",
      );
    });
  });
});

describe("recordPayment", () => {
  it("takes two partial payments: partially paid, then paid, and the order shows Payment received", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      await pay(tx, desk, invoice.id, "4,00");
      let [row] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(row.status).toBe("partially_paid");
      const second = await pay(tx, desk, invoice.id, "6.00", { paymentSystem: "PayPal", fee: "0.50" });
      expect(second.paidInFull).toBe(true);
      expect(second.payment).toMatchObject({ amount: 600, fee: 50, fundsCredited: 550, status: "completed" });
      [row] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(row.status).toBe("paid");
      const totals = await ledgerTotals(tx, order.id);
      expect(totals).toMatchObject({ paid: 1000, balanceDue: 0 });
      const received = await tx.select().from(orderEvents).where(eq(orderEvents.type, "payment_received"));
      expect(received).toHaveLength(1);
      expect(received[0].payload.summary).toBe("Paid in full: $10.00 received");
      // A bounced payment is reversed: the invoice reopens and the balance is due again.
      const [entry] = await tx
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.paymentId, second.payment.id));
      await reverseLedgerEntry(ctxFor(desk.admin, tx), {
        orderId: order.id,
        entryId: entry.id,
        reason: "Bounced",
      });
      [row] = await tx.select().from(invoices).where(eq(invoices.id, invoice.id));
      expect(row.status).toBe("partially_paid");
      expect((await ledgerTotals(tx, order.id)).balanceDue).toBe(600);
    });
  });

  it("answers a retried submission with the first payment, and refuses the same key with other details", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      const input = {
        invoiceId: invoice.id,
        amount: "4.00",
        paymentSystem: "Bank transfer",
        fee: "",
        receivedOn: "2029-12-01",
        idempotencyKey: key(),
      };
      const first = await recordPayment(ctxFor(desk.sales, tx), input);
      const again = await recordPayment(ctxFor(desk.sales, tx), input);
      expect(again).toMatchObject({ repeated: true, payment: { id: first.payment.id } });
      const other = recordPayment(ctxFor(desk.sales, tx), { ...input, amount: "5.00" });
      await expect(other).rejects.toBeInstanceOf(Conflict);
      await expect(other).rejects.toMatchObject({ status: 409 });
      expect((await ledgerTotals(tx, order.id)).paid).toBe(400);
      expect(await tx.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
    });
  });

  it.each([
    ["amount", { amount: "0" }, "The amount must be above zero."],
    ["amount", { amount: "-3" }, "Enter an amount in USD, like 1250.00."],
    ["amount", { amount: "10.01" }, "At most $10.00 remains due on invoice 1."],
    ["fee", { amount: "1", fee: "2" }, "The fee cannot be more than the amount."],
    ["receivedOn", { receivedOn: "2029-12-02" }, "The day the money arrived cannot be in the future."],
  ])("refuses a bad %s with a message naming it, writing nothing", async (field, change, message) => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      const before = (await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id)))
        .length;
      await expect(pay(tx, desk, invoice.id, "1", change)).rejects.toMatchObject({
        fieldErrors: { [field]: [message] },
      });
      expect(await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id))).toHaveLength(
        before,
      );
      expect(await tx.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(0);
    });
  });

  it("refuses to pay a void invoice, naming the invoice", async () => {
    await inRollback(async (tx) => {
      const { desk, invoice } = await invoiced(tx);
      await voidInvoice(ctxFor(desk.admin, tx), { invoiceId: invoice.id, reason: "Wrong address" });
      await expect(pay(tx, desk, invoice.id, "1")).rejects.toMatchObject({
        fieldErrors: { invoiceId: ["Invoice 1 is void: it takes no payments."] },
      });
      expect(await tx.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(0);
    });
  });

  it("takes no more than the order still owes when a discount came after the invoice", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx); // $10.00 invoiced
      await issueDiscount(ctxFor(desk.sales, tx), {
        orderId: order.id,
        method: "amount",
        value: "3.00",
        reason: "Late start",
      });
      await expect(pay(tx, desk, invoice.id, "10.00")).rejects.toMatchObject({
        fieldErrors: { amount: ["At most $7.00 remains due on invoice 1."] },
      });
      await pay(tx, desk, invoice.id, "7.00");
      expect(await ledgerTotals(tx, order.id)).toMatchObject({ balanceDue: 0, refundable: 0 });
      await expect(pay(tx, desk, invoice.id, "3.00")).rejects.toMatchObject({
        fieldErrors: { invoiceId: ["Nothing more is owed on invoice 1: its order is settled."] },
      });
      expect(await tx.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
    });
  });

  it("is refused to advertisers, viewers and other publishers' staff", async () => {
    await inRollback(async (tx) => {
      const { desk, invoice } = await invoiced(tx);
      const other = await makeDesk(tx);
      await expect(
        recordPayment(ctxFor(desk.advertiserActor, tx), { invoiceId: invoice.id }),
      ).rejects.toThrow("Only owners, admins and sales managers");
      await expect(recordPayment(ctxFor(desk.viewer, tx), { invoiceId: invoice.id })).rejects.toThrow(
        "Only owners",
      );
      await expect(pay(tx, other, invoice.id, "1")).rejects.toThrow("not found");
      await expect(requestPayment(ctxFor(other.admin, tx), { orderId: invoice.orderId })).rejects.toThrow(
        "not found",
      );
    });
  });
});

describe("refundPayment", () => {
  it("sends part of a payment back once a discount leaves it overpaid, never more", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      const { payment } = await pay(tx, desk, invoice.id, "10.00");
      const refund = (amount: string, idempotencyKey = key()) =>
        refundPayment(ctxFor(desk.admin, tx), {
          paymentId: payment.id,
          amount,
          reason: "Goodwill",
          idempotencyKey,
        });
      await expect(refund("1")).rejects.toMatchObject({
        fieldErrors: {
          amount: [
            "Nothing is refundable: the order still costs what was paid. Issue a discount or credit note first.",
          ],
        },
      });
      await issueDiscount(ctxFor(desk.sales, tx), {
        orderId: order.id,
        method: "amount",
        value: "3",
        reason: "Late start",
      });
      await expect(refund("3.01")).rejects.toThrow("At most $3.00 is refundable");
      const k = key();
      await refund("2", k);
      expect((await refund("2", k)).repeated).toBe(true);
      await expect(refund("1", k)).rejects.toBeInstanceOf(Conflict);
      const totals = await ledgerTotals(tx, order.id);
      expect(totals).toMatchObject({ paid: 1000, refunded: 200, balanceDue: -100, refundable: 100 });
      const [paymentEntry] = await tx
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.paymentId, payment.id), eq(ledgerEntries.kind, "payment")));
      await expect(
        reverseLedgerEntry(ctxFor(desk.admin, tx), {
          orderId: order.id,
          entryId: paymentEntry.id,
          reason: "x",
        }),
      ).rejects.toThrow("Part of this payment was refunded: reverse its refunds first.");
      const billing = await getOrderBilling(ctxFor(desk.advertiserActor, tx), { orderId: order.id });
      expect(billing.payments[0]).toMatchObject({ id: payment.id, refundableLeft: 800 });
      const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.type, "refund_issued"));
      expect(event.payload).toMatchObject({ amount: 200, paymentId: payment.id, reason: "Goodwill" });
      const mails = await tx
        .select()
        .from(outboxEmails)
        .where(
          and(
            eq(outboxEmails.orderId, order.id),
            eq(outboxEmails.subject, `Refund issued: $2.00 for order #${order.id}`),
          ),
        );
      expect(mails[0].text).toContain(`/advertiser/orders/${order.id}`);
    });
  });

  it("refunds at most what is left of the chosen payment, and only owners and admins refund", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      const small = await pay(tx, desk, invoice.id, "2");
      await pay(tx, desk, invoice.id, "8");
      await issueDiscount(ctxFor(desk.sales, tx), {
        orderId: order.id,
        method: "percent",
        value: "50",
        reason: "x",
      });
      const input = { paymentId: small.payment.id, amount: "2.50", reason: "x", idempotencyKey: key() };
      await expect(refundPayment(ctxFor(desk.admin, tx), input)).rejects.toThrow(
        `At most $2.00 of payment #${small.payment.id} is left to refund.`,
      );
      await expect(refundPayment(ctxFor(desk.sales, tx), input)).rejects.toThrow("Only owners and admins");
      const stranger = await makeStaff(tx, (await makeDesk(tx)).publisher.id, "owner");
      await expect(refundPayment(ctxFor(stranger, tx), input)).rejects.toThrow("not found");
    });
  });

  it("never refunds more than was paid, whatever the desk tries (property)", async () => {
    await inRollback(async (tx) => {
      const { desk, order, invoice } = await invoiced(tx);
      const first = await pay(tx, desk, invoice.id, "6");
      const second = await pay(tx, desk, invoice.id, "4");
      await issueDiscount(ctxFor(desk.sales, tx), {
        orderId: order.id,
        method: "amount",
        value: "9",
        reason: "x",
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 700 })), { minLength: 1, maxLength: 5 }),
          async (tries) => {
            for (const [firstOne, cents] of tries) {
              await refundPayment(ctxFor(desk.admin, tx), {
                paymentId: (firstOne ? first : second).payment.id,
                amount: (cents / 100).toFixed(2),
                reason: "x",
                idempotencyKey: key(),
              }).catch((error) => expect(error.status).toBe(422));
              const totals = await ledgerTotals(tx, order.id);
              expect(totals.refunded).toBeLessThanOrEqual(totals.paid);
              expect(totals.refunded).toBeLessThanOrEqual(900);
              expect(totals.balanceDue).toBe(
                totals.charged +
                  totals.adjusted -
                  totals.discounted -
                  totals.credited -
                  totals.paid +
                  totals.refunded,
              );
            }
          },
        ),
        { numRuns: 10 },
      );
    });
  });
});
