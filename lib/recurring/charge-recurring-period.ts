import { and, eq, lte, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db";
import { advertisers, invoices, ledgerEntries, payments, publishers, recurringSchedules } from "@/db/schema";
import { settleInvoiceStatus } from "@/lib/billing/invoice-status";
import { type PaymentProvider, paymentProvider } from "@/lib/billing/payment-provider";
import { addPeriods, calendarDayIn, startOfDayIn } from "@/lib/core/days";
import { appUrl } from "@/lib/core/env";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/format";
import { systemCtx } from "@/lib/lifecycle/system-ctx";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { insertOrder } from "@/lib/orders/insert-order";
import { priceLineItems } from "@/lib/orders/price-line-items";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

export const recurringJobKind = "recurring-charge";
/** A failed charge is tried this many more times, `retryIntervalHours` apart, before the schedule fails. */
export const recurringRetries = 2;

type Schedule = typeof recurringSchedules.$inferSelect;
const periodOf = (s: Schedule) => s.paymentsTotal - s.paymentsRemaining + 1;

/**
 * Active schedules whose next payment has come. The key names the period and the attempt,
 * so each charge is scheduled once, and a retry is a step of its own.
 */
export async function findRecurringSteps(db: Queryable, now: Date) {
  const due = await db
    .select()
    .from(recurringSchedules)
    .where(and(eq(recurringSchedules.status, "active"), lte(recurringSchedules.nextPaymentAt, now)));
  return due.map((s) => ({
    kind: recurringJobKind,
    uniqueKey: `${recurringJobKind}:${s.id}:p${periodOf(s)}:a${s.attempts}`,
    payload: { scheduleId: s.id },
  }));
}

class Declined extends Error {}

/**
 * Charges one period of a schedule. The new order (the template's line items moved by
 * `period` weeks or months, inventory reserved) and its paid invoice are written in a
 * savepoint with the charge: a declined card leaves no order behind. A decline is tried
 * again `recurringRetries` times, then the schedule fails and both sides are emailed.
 */
export async function chargeRecurringPeriod(
  tx: Transaction,
  payload: Record<string, unknown>,
  now: Date,
  provider: PaymentProvider = paymentProvider(),
) {
  const [schedule] = await tx
    .select()
    .from(recurringSchedules)
    .where(eq(recurringSchedules.id, Number(payload.scheduleId)))
    .for("update");
  // Paused, completed early or already charged since the step was scheduled: nothing to do.
  if (schedule?.status !== "active" || !schedule.nextPaymentAt || schedule.nextPaymentAt > now) return;
  if (schedule.paymentsRemaining <= 0) return;
  const period = periodOf(schedule);
  const template = await getOrderForActorOrThrow(tx, { kind: "system" }, schedule.templateOrderId);
  const { publisher } = template;
  const [advertiser] = await tx
    .select()
    .from(advertisers)
    .where(eq(advertisers.id, template.order.advertiserId));
  const ctx = systemCtx(tx, now);
  const interval = schedule.interval === "weekly" ? "weekly" : "monthly";

  let outcome: { orderId: number; amount: number } | { error: string };
  try {
    outcome = await tx.transaction(async (sp) => {
      const items = template.lineItems.filter((li) => li.status !== "canceled");
      const priced = await priceLineItems(
        sp,
        publisher.id,
        items.map((li) => ({
          zoneId: li.zoneId,
          countries: li.countries,
          startDate: addPeriods(li.startDate, interval, period),
          endDate: addPeriods(li.endDate, interval, period),
          quantity: li.quantity,
          rate: li.rate,
          priority: li.priority,
        })),
        { today: calendarDayIn(now, publisher.timezone), allowRateOverride: true },
      );
      const created = await insertOrder(sp, ctx, {
        publisherId: publisher.id,
        currency: template.order.currency,
        advertiserId: template.order.advertiserId,
        propertyId: template.order.propertyId,
        name: `${template.order.name} (${period}/${schedule.paymentsTotal})`,
        source: "recurring",
        status: "approved",
        salesManagerId: template.order.salesManagerId,
        duplicatedFrom: template.order.id,
        recurringScheduleId: schedule.id,
        lineItems: priced,
      });
      const amount = created.order.total;
      const result = await provider.charge({
        amount,
        currency: created.order.currency,
        cardNumber: schedule.paymentMethod ?? "",
        idempotencyKey: `recurring:${schedule.id}:p${period}:a${schedule.attempts}`,
        attempt: 1,
      });
      if (result.outcome !== "completed") throw new Declined(result.message);
      await bookPaidInvoice(sp, now, created.order, amount, result.fee, provider.name, result.reference);
      return { orderId: created.order.id, amount };
    });
  } catch (error) {
    // A decline, or no inventory left for the period: either way this attempt failed.
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }

  if ("orderId" in outcome) {
    const remaining = schedule.paymentsRemaining - 1;
    const nextDay = addPeriods(calendarDayIn(schedule.nextPaymentAt, publisher.timezone), interval, 1);
    await tx
      .update(recurringSchedules)
      .set({
        paymentsRemaining: remaining,
        attempts: 0,
        lastError: null,
        status: remaining === 0 ? "completed" : "active",
        nextPaymentAt: remaining === 0 ? null : startOfDayIn(nextDay, publisher.timezone),
      })
      .where(eq(recurringSchedules.id, schedule.id));
    await recordOrderEvent(tx, {
      actor: { kind: "system" },
      publisherId: publisher.id,
      orderId: template.order.id,
      type: "recurring_charged",
      payload: {
        scheduleId: schedule.id,
        period,
        orderId: outcome.orderId,
        amount: outcome.amount,
        currency: template.order.currency,
        summary: `Period ${period}/${schedule.paymentsTotal} charged ${formatMoney(outcome.amount, template.order.currency)}: order #${outcome.orderId}`,
      },
      at: now,
    });
    return;
  }

  const attempts = schedule.attempts + 1;
  const failed = attempts > recurringRetries;
  await tx
    .update(recurringSchedules)
    .set({
      attempts,
      lastError: outcome.error.slice(0, 500),
      status: failed ? "failed" : "active",
      nextPaymentAt: failed ? null : new Date(now.getTime() + schedule.retryIntervalHours * 3_600_000),
    })
    .where(eq(recurringSchedules.id, schedule.id));
  await recordOrderEvent(tx, {
    actor: { kind: "system" },
    publisherId: publisher.id,
    orderId: template.order.id,
    type: failed ? "recurring_failed" : "recurring_charge_failed",
    payload: {
      scheduleId: schedule.id,
      period,
      attempt: attempts,
      error: outcome.error,
      summary: `Period ${period}/${schedule.paymentsTotal} not charged (attempt ${attempts}): ${outcome.error}`,
    },
    at: now,
  });
  if (!failed) return;
  const link = `${appUrl()}/publisher/orders/${template.order.id}`;
  const subject = `Recurring payments stopped for order #${template.order.id} "${template.order.name}"`;
  const why = `Period ${period} of ${schedule.paymentsTotal} could not be charged after ${attempts} attempts: ${outcome.error}`;
  await enqueueEmail(tx, {
    publisherId: publisher.id,
    orderId: template.order.id,
    to: advertiser.contactEmail,
    subject,
    text: [
      why,
      "No further periods will be charged.",
      "",
      `The order: ${appUrl()}/advertiser/orders/${template.order.id}`,
    ].join("\n"),
  });
  for (const to of publisher.notificationEmails) {
    await enqueueEmail(tx, {
      publisherId: publisher.id,
      orderId: template.order.id,
      to,
      subject,
      text: [why, "The schedule is failed.", "", `The order: ${link}`].join("\n"),
    });
  }
}

/** The period's invoice, issued and paid at once by the provider's charge. */
async function bookPaidInvoice(
  sp: Transaction,
  now: Date,
  order: { id: number; publisherId: number; currency: string },
  amount: number,
  fee: number,
  system: string,
  reference: string,
) {
  const [publisher] = await sp.select().from(publishers).where(eq(publishers.id, order.publisherId));
  const [{ number }] = await sp
    .update(publishers)
    .set({ nextInvoiceNumber: sql`${publishers.nextInvoiceNumber} + 1` })
    .where(eq(publishers.id, order.publisherId))
    .returning({ number: sql<number>`${publishers.nextInvoiceNumber} - 1` });
  const today = calendarDayIn(now, publisher.timezone);
  const [invoice] = await sp
    .insert(invoices)
    .values({
      publisherId: order.publisherId,
      number,
      orderId: order.id,
      amount,
      currency: order.currency,
      dueDate: today,
      issuedAt: now,
    })
    .returning();
  const [payment] = await sp
    .insert(payments)
    .values({
      publisherId: order.publisherId,
      invoiceId: invoice.id,
      amount,
      currency: order.currency,
      paymentSystem: system,
      fee: Math.min(fee, amount),
      fundsCredited: amount - Math.min(fee, amount),
      status: "completed",
      oneClick: true,
      receivedOn: today,
      createdAt: now,
    })
    .returning();
  await sp.insert(ledgerEntries).values({
    publisherId: order.publisherId,
    orderId: order.id,
    kind: "payment",
    amount,
    currency: order.currency,
    reference: `Invoice ${number} · ${system} · ${reference}`,
    idempotencyKey: `payment:${payment.id}`,
    paymentId: payment.id,
    createdAt: now,
  });
  await refreshOrderNet(sp, order.id);
  await settleInvoiceStatus(sp, invoice.id);
}
