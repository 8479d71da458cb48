import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { advertisers, invoices, ledgerEntries, orders, payments } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { appUrl } from "@/lib/core/env";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { calendarDay, id, text } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/format";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { parseMoney } from "@/lib/money/parse-money";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { settleInvoiceStatus } from "./invoice-status";
import { fieldError, idempotencyKey, moneyText, reusedKey } from "./money-input";
import { payableOnInvoice } from "./payable-on-invoice";
import { recordPaidInFull } from "./record-paid-in-full";

export const recordPaymentInput = z.object({
  invoiceId: id(),
  amount: moneyText("Enter the amount received."),
  paymentSystem: text({ min: 1, max: 60, required: "Say how it was paid (bank transfer, card, PayPal …)." }),
  fee: z.string().optional(),
  receivedOn: calendarDay(),
  idempotencyKey: idempotencyKey(),
});
export type recordPaymentInput = z.input<typeof recordPaymentInput>;

type Payment = typeof payments.$inferSelect;

/**
 * Staff record money received against an invoice (a bank transfer, a cheque): partial
 * payments allowed, never more than the invoice still has due, never on a void invoice.
 * The form's key makes it idempotent: the same submission twice records one payment and
 * answers the first result; the same key with other details is refused.
 */
export async function recordPayment(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = recordPaymentInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, data.invoiceId), eq(invoices.publisherId, actor.publisherId)));
    if (!found) throw new NotFound(`Invoice #${data.invoiceId}`);
    const { order, publisher } = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true });
    // Read again under the order's lock: a payment that was waiting for it may have changed the status.
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, found.id));

    const amount = parseMoney(data.amount, invoice.currency, "amount");
    const fee = data.fee?.trim() ? parseMoney(data.fee, invoice.currency, "fee") : 0;
    const wanted = {
      invoiceId: invoice.id,
      amount,
      fee,
      paymentSystem: data.paymentSystem,
      receivedOn: data.receivedOn,
    };
    const earlier = await paymentWithKey(tx, actor.publisherId, data.idempotencyKey);
    if (earlier) return sameOrRefuse(earlier, wanted);

    if (invoice.status === "void") {
      throw fieldError("invoiceId", `Invoice ${invoice.number} is void: it takes no payments.`);
    }
    const { paid, left } = await payableOnInvoice(tx, invoice);
    if (left <= 0) {
      throw fieldError(
        "invoiceId",
        paid >= invoice.amount
          ? `Invoice ${invoice.number} is already paid in full.`
          : `Nothing more is owed on invoice ${invoice.number}: its order is settled.`,
      );
    }
    if (amount <= 0) throw fieldError("amount", "The amount must be above zero.");
    if (amount > left) {
      throw fieldError(
        "amount",
        `At most ${formatMoney(left, invoice.currency)} remains due on invoice ${invoice.number}.`,
      );
    }
    if (fee > amount) throw fieldError("fee", "The fee cannot be more than the amount.");
    if (data.receivedOn > calendarDayIn(ctx.now, publisher.timezone)) {
      throw fieldError("receivedOn", "The day the money arrived cannot be in the future.");
    }

    const dueBefore = (await ledgerTotals(tx, order.id)).balanceDue;
    const [payment] = await tx
      .insert(payments)
      .values({
        publisherId: publisher.id,
        invoiceId: invoice.id,
        amount,
        currency: invoice.currency,
        paymentSystem: data.paymentSystem,
        fee,
        fundsCredited: amount - fee,
        status: "completed",
        paymentBasisPoints: Math.min(10_000, Math.round((amount * 10_000) / invoice.amount)),
        receivedOn: data.receivedOn,
        idempotencyKey: data.idempotencyKey,
        createdBy: actor.userId,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!payment) {
      // The same key committed meanwhile on another connection: answer as a retry would.
      const other = await paymentWithKey(tx, actor.publisherId, data.idempotencyKey);
      if (other) return sameOrRefuse(other, wanted);
      throw new Conflict(reusedKey);
    }
    await tx.insert(ledgerEntries).values({
      publisherId: publisher.id,
      orderId: order.id,
      kind: "payment",
      amount,
      currency: invoice.currency,
      reference: `Invoice ${invoice.number} · ${data.paymentSystem}`,
      idempotencyKey: `payment:${payment.id}`,
      paymentId: payment.id,
      createdBy: actor.userId,
      createdAt: ctx.now,
    });
    const settled = await settleInvoiceStatus(tx, invoice.id);
    const totals = await ledgerTotals(tx, order.id);
    const shown = formatMoney(amount, invoice.currency);
    await recordOrderEvent(tx, {
      actor,
      publisherId: publisher.id,
      orderId: order.id,
      type: "payment_recorded",
      payload: {
        paymentId: payment.id,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        amount,
        fee,
        fundsCredited: amount - fee,
        currency: invoice.currency,
        paymentSystem: data.paymentSystem,
        summary: `${shown} by ${data.paymentSystem} on invoice ${invoice.number} (fee ${formatMoney(fee, invoice.currency)})`,
      },
      at: ctx.now,
    });
    const paidInFull = await recordPaidInFull(tx, {
      actor,
      publisherId: publisher.id,
      orderId: order.id,
      dueBefore,
      totals,
      currency: invoice.currency,
      at: ctx.now,
    });
    const [advertiser] = await tx.select().from(advertisers).where(eq(advertisers.id, order.advertiserId));
    await enqueueEmail(tx, {
      publisherId: publisher.id,
      orderId: order.id,
      to: advertiser.contactEmail,
      subject: `Payment received: ${shown} on invoice ${invoice.number}`,
      text: [
        `${publisher.name} received ${shown} (${data.paymentSystem}, ${data.receivedOn}) on invoice ${invoice.number} for order #${order.id}.`,
        settled?.status === "paid"
          ? "The invoice is paid in full."
          : `Still due on the invoice: ${formatMoney(invoice.amount - paid - amount, invoice.currency)}.`,
        "",
        `The invoice: ${appUrl()}/advertiser/invoices/${invoice.id}`,
      ].join("\n"),
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    return { payment, repeated: false, paidInFull, invoiceNumber: invoice.number };
  });
}

async function paymentWithKey(tx: Parameters<typeof ledgerTotals>[0], publisherId: number, key: string) {
  const [row] = await tx
    .select({ payment: payments, number: invoices.number })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.publisherId, publisherId), eq(payments.idempotencyKey, key)));
  return row;
}

function sameOrRefuse(
  earlier: { payment: Payment; number: number },
  wanted: Pick<Payment, "invoiceId" | "amount" | "fee" | "paymentSystem" | "receivedOn">,
) {
  const { payment } = earlier;
  const same = (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => payment[k] === wanted[k]);
  if (!same) throw new Conflict(reusedKey);
  return { payment, repeated: true, paidInFull: false, invoiceNumber: earlier.number };
}
