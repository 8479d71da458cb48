import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orderEvents, orders, outboxEmails } from "@/db/schema";
import { recordPayment } from "@/lib/billing/record-payment";
import { requestPayment } from "@/lib/billing/request-payment";
import { voidInvoice } from "@/lib/billing/void-invoice";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk } from "@/test/fixtures/orders";
import { findOverdueReminderSteps, reminderStage } from "./overdue-reminders";

// Invoiced on 2029-12-01 with the order's 14-day terms: due 2029-12-15 (publisher in UTC).
const day = (d: string, time = "12:00:00") => new Date(`${d}T${time}Z`);

async function overdueInvoice(tx: Transaction) {
  const desk = await makeDesk(tx);
  const order = await makeChargedOrder(tx, desk); // $10.00 due
  await tx.update(orders).set({ invoiceRecipient: "ap@advertiser.test" }).where(eq(orders.id, order.id));
  const invoice = await requestPayment(ctxFor(desk.sales, tx), { orderId: order.id });
  const reminders = () =>
    tx
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.orderId, order.id), like(outboxEmails.subject, "Reminder:%")))
      .orderBy(outboxEmails.id);
  const events = () =>
    tx
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "invoice_reminder_sent")));
  const mine = async (now: Date) =>
    (await findOverdueReminderSteps(tx, now)).filter((s) => s.payload.invoiceId === invoice.id);
  return { desk, order, invoice, reminders, events, mine };
}

describe("reminderStage", () => {
  it("names the latest reminder reached: 1, 7 and 14 days overdue", () => {
    expect([0, 1, 6, 7, 13, 14, 40].map(reminderStage)).toEqual([null, 1, 1, 7, 7, 14, 14]);
  });
});

describe("overdue invoice reminders", () => {
  it("emails the invoice recipient once at 1, 7 and 14 days overdue, with links, and notes it on the order", async () => {
    await inRollback(async (tx) => {
      const { invoice, reminders, events, mine } = await overdueInvoice(tx);
      await runJobsOnce(tx, day("2029-12-15"));
      expect(await reminders()).toHaveLength(0); // due today is not overdue

      await runJobsOnce(tx, day("2029-12-16"));
      await runJobsOnce(tx, day("2029-12-16", "18:00:00")); // the same reminder again: not sent twice
      let sent = await reminders();
      expect(sent).toHaveLength(1);
      expect(sent[0].to).toBe("ap@advertiser.test");
      expect(sent[0].subject).toContain(`invoice ${invoice.number}`);
      expect(sent[0].subject).toContain("1 day overdue ($10.00 due)");
      expect(sent[0].text).toContain(`/advertiser/invoices/${invoice.id}`);
      expect(sent[0].text).toContain(`/advertiser/invoices/${invoice.id}/pdf`);
      expect(await mine(day("2029-12-17"))).toHaveLength(0); // nothing new before day 7

      await runJobsOnce(tx, day("2029-12-22"));
      await runJobsOnce(tx, day("2029-12-29"));
      await runJobsOnce(tx, day("2030-01-20")); // past the last stage: nothing more
      sent = await reminders();
      expect(sent.map((m) => m.subject.match(/is (\d+) days? overdue/)?.[1])).toEqual(["1", "7", "14"]);
      const logged = await events();
      expect(logged).toHaveLength(3);
      expect(logged[0].actorKind).toBe("system");
      expect(logged[0].payload.summary).toBe(
        `Reminder for invoice ${invoice.number} (1 day overdue, $10.00 due) sent to ap@advertiser.test`,
      );
    });
  }, 120_000);

  it("sends only the latest stage reached to an invoice first found long overdue (partly paid)", async () => {
    await inRollback(async (tx) => {
      const { desk, invoice, mine } = await overdueInvoice(tx);
      await recordPayment(ctxFor(desk.sales, tx), {
        invoiceId: invoice.id,
        amount: "4",
        paymentSystem: "Bank transfer",
        fee: "0",
        receivedOn: "2029-12-01",
        idempotencyKey: `reminder-${Math.random()}`,
      });
      const steps = await mine(day("2030-01-05")); // 21 days overdue, first seen now
      expect(steps.map((s) => s.uniqueKey)).toEqual([`invoice-overdue-reminder:${invoice.id}:d14`]);
    });
  });

  it("reminds nobody of a paid or void invoice", async () => {
    await inRollback(async (tx) => {
      const { desk, invoice, mine } = await overdueInvoice(tx);
      await voidInvoice(ctxFor(desk.admin, tx), { invoiceId: invoice.id, reason: "Wrong amount" });
      expect(await mine(day("2029-12-16"))).toHaveLength(0);
    });
  });
});
