import { and, eq, inArray, lt } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db";
import { advertisers, invoices, jobs, orders, publishers } from "@/db/schema";
import { paidOnInvoices } from "@/lib/billing/invoice-status";
import { calendarDayIn, dayDiff } from "@/lib/core/days";
import { appUrl } from "@/lib/core/env";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/format";
import type { JobHandler } from "@/lib/jobs/run-claimed-job";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import type { DueStep } from "./find-due-steps";

export const overdueReminderJobKind = "invoice-overdue-reminder";

/** Days past the due date at which an unpaid invoice's recipient is reminded, once each. */
export const overdueReminderDays = [1, 7, 14] as const;

/** The latest reminder an invoice this many days overdue has reached, or null before the first. */
export function reminderStage(daysOverdue: number): number | null {
  return overdueReminderDays.filter((d) => d <= daysOverdue).at(-1) ?? null;
}

const reminderKey = (invoiceId: number, stage: number) => `${overdueReminderJobKind}:${invoiceId}:d${stage}`;

/**
 * Open and partly paid invoices past their due date (in the publisher's time zone): one
 * step per invoice and reminder stage, so each reminder is sent once. An invoice first
 * found 20 days overdue gets the 14-day reminder only, not three at once. Stages already
 * scheduled are left out here, so a pass does not knock on the jobs table for each again.
 */
export async function findOverdueReminderSteps(db: Queryable, now: Date): Promise<DueStep[]> {
  // The latest "today" on Earth, so no candidate is missed; each is then checked in its own zone.
  const latestToday = calendarDayIn(now, "Etc/GMT-14");
  const rows = await db
    .select({
      id: invoices.id,
      orderId: invoices.orderId,
      dueDate: invoices.dueDate,
      timezone: publishers.timezone,
    })
    .from(invoices)
    .innerJoin(publishers, eq(publishers.id, invoices.publisherId))
    .where(and(inArray(invoices.status, ["open", "partially_paid"]), lt(invoices.dueDate, latestToday)));
  const steps: DueStep[] = [];
  for (const invoice of rows) {
    const stage = reminderStage(dayDiff(invoice.dueDate, calendarDayIn(now, invoice.timezone)));
    if (stage === null) continue;
    steps.push({
      kind: overdueReminderJobKind,
      uniqueKey: reminderKey(invoice.id, stage),
      payload: { invoiceId: invoice.id, orderId: invoice.orderId, stage },
    });
  }
  if (steps.length === 0) return steps;
  const known = await db
    .select({ key: jobs.uniqueKey })
    .from(jobs)
    .where(
      inArray(
        jobs.uniqueKey,
        steps.map((s) => s.uniqueKey),
      ),
    );
  const scheduled = new Set(known.map((k) => k.key));
  return steps.filter((s) => !scheduled.has(s.uniqueKey));
}

/**
 * Emails the invoice's recipient (the order's invoice recipient, else the advertiser's
 * contact) what is still due with links to the invoice and its PDF, and notes it on the
 * order. Re-checked under the order's lock: an invoice paid or voided since does nothing.
 */
export const sendOverdueReminder: JobHandler = async (tx: Transaction, payload, now) => {
  const invoiceId = Number(payload.invoiceId);
  const [found] = await tx
    .select({ orderId: invoices.orderId })
    .from(invoices)
    .where(eq(invoices.id, invoiceId));
  if (!found) return;
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, found.orderId)).for("update");
  const [row] = await tx
    .select({ invoice: invoices, order: orders, publisher: publishers, advertiser: advertisers })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(publishers, eq(publishers.id, invoices.publisherId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .where(eq(invoices.id, invoiceId));
  const { invoice, order, publisher, advertiser } = row;
  if (invoice.status !== "open" && invoice.status !== "partially_paid") return;
  const stillDue = invoice.amount - ((await paidOnInvoices(tx, [invoice.id])).get(invoice.id) ?? 0);
  if (stillDue <= 0) return;
  const daysOverdue = dayDiff(invoice.dueDate, calendarDayIn(now, publisher.timezone));
  const shown = formatMoney(stillDue, invoice.currency);
  const to = order.invoiceRecipient ?? advertiser.contactEmail;
  const days = `${daysOverdue} ${daysOverdue === 1 ? "day" : "days"}`;
  await enqueueEmail(tx, {
    publisherId: publisher.id,
    orderId: order.id,
    to,
    subject: `Reminder: invoice ${invoice.number} from ${publisher.name} is ${days} overdue (${shown} due)`,
    text: [
      `Invoice ${invoice.number} for order #${order.id} "${order.name}" was due ${invoice.dueDate}; ${shown} is still due.`,
      "",
      `View and pay the invoice: ${appUrl()}/advertiser/invoices/${invoice.id}`,
      `Download it as a PDF: ${appUrl()}/advertiser/invoices/${invoice.id}/pdf`,
      publisher.paymentInstructions ? `\nHow to pay:\n${publisher.paymentInstructions}` : "",
      `\nQuote invoice ${invoice.number}${order.poNumber ? ` and PO ${order.poNumber}` : ""} with your payment.`,
      "If you have paid already, thank you, and please ignore this reminder.",
    ].join("\n"),
  });
  await recordOrderEvent(tx, {
    actor: { kind: "system" },
    publisherId: publisher.id,
    orderId: order.id,
    type: "invoice_reminder_sent",
    payload: {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      daysOverdue,
      amount: stillDue,
      currency: invoice.currency,
      summary: `Reminder for invoice ${invoice.number} (${days} overdue, ${shown} due) sent to ${to}`,
    },
    at: now,
  });
};
