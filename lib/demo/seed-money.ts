import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import {
  advertisers,
  advertiserUsers,
  invoices,
  ledgerEntries,
  memberships,
  orders,
  payments,
  publishers,
  recurringSchedules,
} from "@/db/schema";
import { publisherSpecs } from "@/db/seed/catalog";
import { issueDiscount } from "@/lib/billing/issue-discount";
import { payInvoiceOnline } from "@/lib/billing/pay-invoice-online";
import { testCards } from "@/lib/billing/payment-provider";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { requestPayment } from "@/lib/billing/request-payment";
import { reverseLedgerEntry } from "@/lib/billing/reverse-ledger-entry";
import { voidInvoice } from "@/lib/billing/void-invoice";
import type { AdvertiserActor, StaffActor, StaffPermission } from "@/lib/core/actor";
import { type Ctx, makeCtx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { logger } from "@/lib/core/logger";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { moneyInputText } from "@/lib/money/parse-money";
import { changeRecurringSchedule } from "@/lib/recurring/change-recurring-schedule";
import { chargeRecurringPeriod } from "@/lib/recurring/charge-recurring-period";
import { scheduleRecurringOrder } from "@/lib/recurring/schedule-recurring-order";
import { confirmSale } from "@/lib/sales/confirm-sale";

const day = 24 * 3_600_000;
const hour = 3_600_000;

export type DemoMoneyReport = {
  invoices: number;
  payments: number;
  refunds: number;
  schedules: number;
  periods: number;
};

/**
 * The demo's money stories, told through the same verbs the desk and the advertisers use
 * (so the demo obeys every invariant real use does): for each demo publisher, an order
 * paid in three parts through two payment systems with their fees and then partly
 * refunded, one discounted and part paid, one whose payment bounced (a reversed
 * transaction), one paid by card through the test provider, a voided invoice and one left
 * open; and weekly recurring schedules that are active, paused, completed and failed, with
 * the orders their payments created. Runs right after `seedDemoData`, on the days before
 * `now`; deterministic for a given demo database and `now`.
 */
export async function seedDemoMoney(db: Queryable, now: Date): Promise<DemoMoneyReport> {
  const report: DemoMoneyReport = { invoices: 0, payments: 0, refunds: 0, schedules: 0, periods: 0 };
  for (const spec of publisherSpecs) {
    const [publisher] = await db.select().from(publishers).where(eq(publishers.slug, spec.slug));
    if (!publisher) continue;
    await seedPublisherMoney(
      db,
      publisher,
      spec.paymentSystems.map((s) => s),
      now,
      report,
    );
  }
  return report;
}

/** `seedDemoMoney` in one transaction (all or nothing, like the rest of the seed), with a line for the log. */
export async function seedAndLogDemoMoney(db: Queryable, now: Date) {
  const started = performance.now();
  const r = await db.transaction((tx) => seedDemoMoney(tx, now));
  logger.info(
    `Demo money through the verbs: ${r.invoices} invoices, ${r.payments} payments, ${r.refunds} refunds, ` +
      `${r.schedules} recurring schedules with ${r.periods} paid periods (${Math.round(performance.now() - started)} ms).`,
  );
}

type PaymentSystem = (typeof publisherSpecs)[number]["paymentSystems"][number];
type Publisher = typeof publishers.$inferSelect;

async function staffWith(db: Queryable, publisherId: number, role: StaffActor["role"]): Promise<StaffActor> {
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.publisherId, publisherId), eq(memberships.role, role)))
    .orderBy(asc(memberships.userId))
    .limit(1);
  return {
    kind: "staff",
    userId: m.userId,
    publisherId,
    role: m.role,
    permissions: m.permissions as StaffPermission[],
  };
}

async function advertiserActor(
  db: Queryable,
  publisherId: number,
  advertiserId: number,
): Promise<AdvertiserActor | null> {
  const [u] = await db
    .select({ id: advertiserUsers.userId })
    .from(advertiserUsers)
    .where(eq(advertiserUsers.advertiserId, advertiserId))
    .orderBy(asc(advertiserUsers.userId))
    .limit(1);
  return u ? { kind: "advertiser", userId: u.id, publisherId, advertiserId } : null;
}

async function seedPublisherMoney(
  db: Queryable,
  publisher: Publisher,
  systems: PaymentSystem[],
  now: Date,
  report: DemoMoneyReport,
) {
  const owner = await staffWith(db, publisher.id, "owner");
  const sales = await staffWith(db, publisher.id, "sales_manager");
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);
  const ctxAt = (actor: StaffActor | AdvertiserActor, daysAgo: number): Ctx =>
    makeCtx(actor, { db, now: at(daysAgo) });
  const dayOf = (daysAgo: number) => calendarDayIn(at(daysAgo), publisher.timezone);
  const key = (what: string) => `demo-${publisher.slug}-${what}`;
  const fee = (system: PaymentSystem, amount: number) =>
    moneyInputText(
      Math.round((amount * system.percentBasisPoints) / 10_000) + system.fixedFee,
      publisher.currency,
    );
  const text = (amount: number) => moneyInputText(amount, publisher.currency);
  const [card, other, bank] = [
    systems[0],
    systems[1],
    systems.find((s) => s.percentBasisPoints === 0) ?? systems[2],
  ];

  // The demo advertiser people sign in as first (and the e2e specs use) keeps its orders untouched.
  const [first] = await db
    .select({ id: advertisers.id })
    .from(advertisers)
    .where(eq(advertisers.publisherId, publisher.id))
    .orderBy(asc(advertisers.id))
    .limit(1);
  // Running and finished orders with money due and no invoice yet, oldest first.
  const candidates = await db
    .select({ id: orders.id, advertiserId: orders.advertiserId, status: orders.status })
    .from(orders)
    .where(
      and(
        eq(orders.publisherId, publisher.id),
        inArray(orders.status, ["live", "paused", "completed"]),
        sql`${orders.source} <> 'recurring'`,
        sql`${orders.advertiserId} <> ${first?.id ?? 0}`,
        notExists(db.select({ one: sql`1` }).from(invoices).where(eq(invoices.orderId, orders.id))),
        notExists(
          db
            .select({ one: sql`1` })
            .from(recurringSchedules)
            .where(eq(recurringSchedules.templateOrderId, orders.id)),
        ),
      ),
    )
    .orderBy(asc(orders.id));
  const pool: { id: number; advertiserId: number; due: number }[] = [];
  for (const c of candidates) {
    const due = (await ledgerTotals(db, c.id)).balanceDue;
    if (due >= 1000) pool.push({ ...c, due });
  }
  const take = () => pool.shift();

  // 1. Paid in three parts through two systems with their fees, then partly refunded.
  const paidInParts = take();
  if (paidInParts) {
    const invoice = await requestPayment(ctxAt(sales, 40), { orderId: paidInParts.id, netDays: 14 });
    report.invoices++;
    const a = Math.round(invoice.amount * 0.3);
    const b = Math.round(invoice.amount * 0.3);
    const parts: [PaymentSystem, number, number][] = [
      [bank, a, 38],
      [other, b, 30],
      [other, invoice.amount - a - b, 25],
    ];
    let last = null;
    for (const [i, [system, amount, daysAgo]] of parts.entries()) {
      last = await recordPayment(ctxAt(sales, daysAgo), {
        invoiceId: invoice.id,
        amount: text(amount),
        paymentSystem: system.name,
        fee: fee(system, amount),
        receivedOn: dayOf(daysAgo),
        idempotencyKey: key(`parts-${i}`),
      });
      report.payments++;
    }
    if (last) {
      // Part of the order did not run: credited as a discount, and the money goes back.
      const back = Math.round(last.payment.amount / 2);
      await issueDiscount(ctxAt(sales, 21), {
        orderId: paidInParts.id,
        method: "amount",
        value: text(back),
        reason: "Half of the last week did not run.",
      });
      await refundPayment(ctxAt(owner, 20), {
        paymentId: last.payment.id,
        amount: text(back),
        reason: "Half of the last week did not run: refunded as agreed.",
        idempotencyKey: key("parts-refund"),
      });
      report.refunds++;
    }
  }

  // 2. Discounted, invoiced, part paid.
  const discounted = take();
  if (discounted) {
    await issueDiscount(ctxAt(sales, 35), {
      orderId: discounted.id,
      method: "percent",
      value: "10",
      reason: "Loyalty discount for a returning advertiser.",
    });
    const invoice = await requestPayment(ctxAt(sales, 34), { orderId: discounted.id, netDays: 30 });
    report.invoices++;
    const amount = Math.round(invoice.amount * 0.4);
    await recordPayment(ctxAt(sales, 25), {
      invoiceId: invoice.id,
      amount: text(amount),
      paymentSystem: card.name,
      fee: fee(card, amount),
      receivedOn: dayOf(25),
      idempotencyKey: key("discounted-part"),
    });
    report.payments++;
  }

  // 3. A payment that bounced: reversed, the invoice partly paid again and the balance due.
  const bounced = take();
  if (bounced) {
    const invoice = await requestPayment(ctxAt(sales, 30), { orderId: bounced.id, netDays: 14 });
    report.invoices++;
    const half = Math.round(invoice.amount / 2);
    await recordPayment(ctxAt(sales, 28), {
      invoiceId: invoice.id,
      amount: text(half),
      paymentSystem: bank.name,
      fee: "0",
      receivedOn: dayOf(28),
      idempotencyKey: key("bounced-1"),
    });
    const second = await recordPayment(ctxAt(sales, 26), {
      invoiceId: invoice.id,
      amount: text(invoice.amount - half),
      paymentSystem: bank.name,
      fee: "0",
      receivedOn: dayOf(26),
      idempotencyKey: key("bounced-2"),
    });
    report.payments += 2;
    const [entry] = await db
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.paymentId, second.payment.id), eq(ledgerEntries.kind, "payment")));
    await reverseLedgerEntry(ctxAt(owner, 22), {
      orderId: bounced.id,
      entryId: entry.id,
      reason: "The bank transfer bounced (account closed).",
    });
  }

  // 4. Paid by the advertiser online with the test provider, in two parts.
  const online = take();
  if (online) {
    const invoice = await requestPayment(ctxAt(sales, 18), { orderId: online.id, netDays: 14 });
    report.invoices++;
    const payer = await advertiserActor(db, publisher.id, online.advertiserId);
    if (payer) {
      const first = Math.round(invoice.amount / 2);
      for (const [i, [amount, daysAgo]] of (
        [
          [first, 16],
          [invoice.amount - first, 9],
        ] as const
      ).entries()) {
        await payInvoiceOnline(ctxAt(payer, daysAgo), {
          invoiceId: invoice.id,
          amount: text(amount),
          cardNumber: testCards.succeeds,
          idempotencyKey: key(`online-${i}`),
        });
        report.payments++;
      }
    }
  }

  // 5. Invoiced by mistake and voided; 6. invoiced and still open (overdue).
  const voided = take();
  if (voided) {
    const invoice = await requestPayment(ctxAt(sales, 12), { orderId: voided.id, netDays: 14 });
    await voidInvoice(ctxAt(owner, 11), { invoiceId: invoice.id, reason: "Sent to the wrong company." });
    report.invoices++;
  }
  const open = take();
  if (open) {
    await requestPayment(ctxAt(sales, 21), { orderId: open.id, netDays: 14 });
    report.invoices++;
  }

  // Recurring: weekly schedules in each status, their periods charged on their days.
  const recurring: {
    status: "active" | "paused" | "completed" | "failed";
    periods: number;
    charge: number;
  }[] = [
    { status: "active", periods: 6, charge: 3 },
    { status: "paused", periods: 4, charge: 1 },
    { status: "completed", periods: 2, charge: 2 },
    { status: "failed", periods: 4, charge: 0 },
  ];
  // Templates: approved orders (their line items, moved by whole weeks, are still ahead),
  // the oldest first; one whose periods cannot be booked (inventory full) is rolled back
  // and the next one tried.
  const templates = await db
    .select({ id: orders.id, createdAt: orders.createdAt })
    .from(orders)
    .where(
      and(
        eq(orders.publisherId, publisher.id),
        eq(orders.status, "approved"),
        sql`${orders.source} <> 'recurring'`,
        sql`${orders.advertiserId} <> ${first?.id ?? 0}`,
      ),
    )
    .orderBy(asc(orders.createdAt), asc(orders.id));
  for (const plan of recurring) {
    while (templates.length > 0) {
      const template = templates.shift();
      if (!template) break;
      const told = await db
        .transaction(async (sp) => {
          const charged = await tellRecurring(sp, plan, template, sales, publisher, now);
          if (plan.status !== "failed" && charged === 0) throw new NotBooked();
          return charged;
        })
        .catch((error) => {
          if (error instanceof NotBooked) return null;
          throw error;
        });
      if (told === null) continue;
      report.schedules++;
      report.periods += told;
      break;
    }
  }
  // Sales confirmation (Orders & Sales): the older half of the completed payments told above
  // are confirmed (by the team member who recorded them, else as system sales); the
  // newer half stay unconfirmed, waiting for a Check.
  await confirmDemoSales(db, publisher.id, ctxAt(owner, 1));
}

class NotBooked extends Error {}

/** One schedule from `template`: made recurring after it was ordered, its due periods charged, then put in `plan.status`. */
async function tellRecurring(
  db: Queryable,
  plan: { status: "active" | "paused" | "completed" | "failed"; periods: number; charge: number },
  template: { id: number; createdAt: Date },
  sales: StaffActor,
  publisher: Publisher,
  now: Date,
): Promise<number> {
  const scheduledAt = new Date(Math.max(template.createdAt.getTime() + hour, now.getTime() - 20 * day));
  const schedule = await scheduleRecurringOrder(makeCtx(sales, { db, now: scheduledAt }), {
    orderId: template.id,
    interval: "weekly",
    periods: plan.periods,
    firstPaymentOn: calendarDayIn(new Date(scheduledAt.getTime() + day), publisher.timezone),
    paymentMethod: plan.status === "failed" ? testCards.declined : testCards.succeeds,
    retryIntervalHours: 24,
  });
  let charged = 0;
  const attempts = plan.status === "failed" ? 3 : plan.charge;
  for (let i = 0; i < attempts; i++) {
    const [current] = await db
      .select()
      .from(recurringSchedules)
      .where(eq(recurringSchedules.id, schedule.id));
    if (current.status !== "active" || !current.nextPaymentAt) break;
    const chargeAt = new Date(current.nextPaymentAt.getTime() + 9 * hour);
    if (chargeAt > now) break;
    await db.transaction((tx) => chargeRecurringPeriod(tx, { scheduleId: schedule.id }, chargeAt));
    const [after] = await db.select().from(recurringSchedules).where(eq(recurringSchedules.id, schedule.id));
    if (after.paymentsRemaining < current.paymentsRemaining) charged++;
    else if (plan.status !== "failed") return 0;
  }
  if (plan.status === "paused") {
    await changeRecurringSchedule(makeCtx(sales, { db, now: new Date(now.getTime() - 2 * day) }), {
      scheduleId: schedule.id,
      action: "pause",
    });
  }
  if (plan.status === "completed" && charged < plan.periods) {
    await changeRecurringSchedule(makeCtx(sales, { db, now: new Date(now.getTime() - day) }), {
      scheduleId: schedule.id,
      action: "complete",
    });
  }
  return charged;
}

async function confirmDemoSales(db: Queryable, publisherId: number, ctx: Ctx) {
  const sold = await db
    // The recorder when it is a team member; an advertiser paying online is a system sale.
    .select({ id: payments.id, createdBy: memberships.userId })
    .from(payments)
    .leftJoin(
      memberships,
      and(eq(memberships.userId, payments.createdBy), eq(memberships.publisherId, payments.publisherId)),
    )
    .where(and(eq(payments.publisherId, publisherId), inArray(payments.status, ["completed", "refunded"])))
    .orderBy(asc(payments.id));
  for (const payment of sold.slice(0, Math.ceil(sold.length / 2))) {
    await confirmSale(
      ctx,
      payment.createdBy === null
        ? { paymentId: payment.id, kind: "system" }
        : { paymentId: payment.id, kind: "user", managerId: payment.createdBy },
    );
  }
}
