import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { lineItems, orders, outboxEmails, payments, publishers, recurringSchedules } from "@/db/schema";
import { testCards } from "@/lib/billing/payment-provider";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { runJobsOnce } from "@/lib/scheduler/run-jobs-once";
import { inRollback } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { ctxFor, makeDesk, testNow } from "@/test/fixtures/orders";
import { makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { changeRecurringSchedule } from "./change-recurring-schedule";
import { scheduleRecurringOrder } from "./schedule-recurring-order";

const hours = (n: number) => n * 3_600_000;
const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function recurring(tx: Transaction, card: string = testCards.succeeds, periods = 2) {
  const desk = await makeDesk(tx);
  await tx
    .update(publishers)
    .set({ notificationEmails: ["desk@example.test"] })
    .where(eq(publishers.id, desk.publisher.id));
  const template = await makeChargedOrder(tx, desk); // line item 2030-01-10 … 11
  const schedule = await scheduleRecurringOrder(ctxFor(desk.admin, tx), {
    orderId: template.id,
    interval: "weekly",
    periods,
    firstPaymentOn: "2029-12-02",
    paymentMethod: card,
    retryIntervalHours: 6,
  });
  const read = async () =>
    (await tx.select().from(recurringSchedules).where(eq(recurringSchedules.id, schedule.id)))[0];
  const generated = () =>
    tx
      .select()
      .from(orders)
      .where(and(eq(orders.duplicatedFrom, template.id), eq(orders.source, "recurring")))
      .orderBy(orders.id);
  return { desk, template, schedule, read, generated };
}

describe("recurring orders", () => {
  it("charges each period on its day, creating its own paid order with the line items moved and inventory reserved", async () => {
    await inRollback(async (tx) => {
      const { read, generated } = await recurring(tx);
      // Before the first payment day nothing happens.
      await runJobsOnce(tx, testNow);
      expect(await generated()).toHaveLength(0);

      const day1 = new Date("2029-12-02T12:00:00Z");
      await runJobsOnce(tx, day1);
      await runJobsOnce(tx, day1); // the same step again: nothing runs twice
      const [first] = await generated();
      expect(await generated()).toHaveLength(1);
      expect(first).toMatchObject({ status: "approved", source: "recurring" });
      const [item] = await tx.select().from(lineItems).where(eq(lineItems.orderId, first.id));
      expect(item).toMatchObject({ startDate: "2030-01-17", endDate: "2030-01-18", status: "ready" });
      expect((await ledgerTotals(tx, first.id)).balanceDue).toBe(0);
      const [paid] = await tx.select().from(payments).where(eq(payments.amount, first.total)).limit(1);
      expect(paid).toMatchObject({ paymentSystem: "test", status: "completed" });
      expect(await read()).toMatchObject({ status: "active", paymentsRemaining: 1 });

      await runJobsOnce(tx, new Date("2029-12-09T12:00:00Z"));
      const both = await generated();
      expect(both).toHaveLength(2);
      const [second] = await tx.select().from(lineItems).where(eq(lineItems.orderId, both[1].id));
      expect(second.startDate).toBe("2030-01-24");
      expect(await read()).toMatchObject({ status: "completed", paymentsRemaining: 0, nextPaymentAt: null });
    });
    // The first scheduler pass of a file also builds a year of inventory: slow under load.
  }, 120_000);

  it("retries a declined charge twice at the configured interval, then fails and emails both sides", async () => {
    await inRollback(async (tx) => {
      const { template, read, generated } = await recurring(tx, testCards.declined);
      const day1 = new Date("2029-12-02T12:00:00Z");
      await runJobsOnce(tx, day1);
      expect(await read()).toMatchObject({ status: "active", attempts: 1 });
      // Not before the retry interval has passed.
      await runJobsOnce(tx, at(day1, hours(5)));
      expect((await read()).attempts).toBe(1);
      await runJobsOnce(tx, at(day1, hours(6)));
      expect((await read()).attempts).toBe(2);
      await runJobsOnce(tx, at(day1, hours(12)));
      const failed = await read();
      expect(failed).toMatchObject({ status: "failed", attempts: 3, nextPaymentAt: null });
      expect(failed.lastError).toMatch(/declined/);
      expect(await generated()).toHaveLength(0);
      const mails = await tx.select().from(outboxEmails).where(eq(outboxEmails.orderId, template.id));
      const stopped = mails.filter((m) => m.subject.startsWith("Recurring payments stopped"));
      expect(stopped.map((m) => m.to).sort()).toEqual(expect.arrayContaining(["desk@example.test"]));
      expect(stopped).toHaveLength(2);
      expect(stopped.every((m) => m.text.includes(`/orders/${template.id}`))).toBe(true);
    });
  });

  it("charges nothing while paused; a payment due while paused runs on the first pass after resuming", async () => {
    await inRollback(async (tx) => {
      const { desk, schedule, read, generated } = await recurring(tx);
      await changeRecurringSchedule(ctxFor(desk.admin, tx), { scheduleId: schedule.id, action: "pause" });
      await runJobsOnce(tx, new Date("2029-12-03T12:00:00Z"));
      expect(await generated()).toHaveLength(0);
      const resumedAt = new Date("2029-12-04T09:00:00Z");
      await changeRecurringSchedule(ctxFor(desk.admin, tx, resumedAt), {
        scheduleId: schedule.id,
        action: "resume",
      });
      expect((await read()).nextPaymentAt).toEqual(resumedAt);
      await runJobsOnce(tx, at(resumedAt, 60_000));
      expect(await generated()).toHaveLength(1);
      await changeRecurringSchedule(ctxFor(desk.admin, tx), { scheduleId: schedule.id, action: "complete" });
      expect(await read()).toMatchObject({ status: "completed", paymentsRemaining: 1 });
      await runJobsOnce(tx, new Date("2029-12-20T12:00:00Z"));
      expect(await generated()).toHaveLength(1);
      await expect(
        changeRecurringSchedule(ctxFor(desk.admin, tx), { scheduleId: schedule.id, action: "resume" }),
      ).rejects.toThrow("cannot resume");
    });
  });

  it("needs manage_recurring, and never reaches another publisher's schedule", async () => {
    await inRollback(async (tx) => {
      const { desk, schedule, read } = await recurring(tx);
      await expect(
        changeRecurringSchedule(ctxFor(desk.sales, tx), { scheduleId: schedule.id, action: "pause" }),
      ).rejects.toThrow("manage recurring");
      const allowed = await makeStaff(tx, desk.publisher.id, "sales_manager", ["manage_recurring"]);
      await changeRecurringSchedule(ctxFor(allowed, tx), { scheduleId: schedule.id, action: "pause" });
      expect((await read()).status).toBe("paused");
      const other = await makePublisher(tx);
      const stranger = await makeStaff(tx, other.id, "owner");
      await expect(
        changeRecurringSchedule(ctxFor(stranger, tx), { scheduleId: schedule.id, action: "resume" }),
      ).rejects.toThrow("not found");
      await expect(
        scheduleRecurringOrder(ctxFor(desk.advertiserActor, tx), {
          orderId: schedule.templateOrderId,
          interval: "weekly",
          periods: 2,
          firstPaymentOn: "2029-12-02",
          paymentMethod: testCards.succeeds,
        }),
      ).rejects.toThrow();
      await expect(
        scheduleRecurringOrder(ctxFor(desk.admin, tx), {
          orderId: schedule.templateOrderId,
          interval: "weekly",
          periods: 2,
          firstPaymentOn: "2029-12-02",
          paymentMethod: testCards.succeeds,
        }),
      ).rejects.toThrow("already recurs");
    });
  });
});
