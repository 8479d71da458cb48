import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { advertisers, invoices, ledgerEntries, orders, payments } from "@/db/schema";
import type { AdvertiserActor, SystemActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/format";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { parseMoney } from "@/lib/money/parse-money";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { settleInvoiceStatus } from "./invoice-status";
import { fieldError, idempotencyKey, moneyText, reusedKey } from "./money-input";
import { payableOnInvoice } from "./payable-on-invoice";
import { type PaymentProvider, paymentProvider } from "./payment-provider";
import { recordPaidInFull } from "./record-paid-in-full";

export const payInvoiceOnlineInput = z.object({
  invoiceId: id(),
  amount: moneyText("Enter how much to pay."),
  cardNumber: text({ min: 12, max: 23, required: "Enter the card number." }).refine(
    (v) => /^[\d\s-]{12,23}$/.test(v),
    "A card number has only digits (spaces and dashes are fine).",
  ),
  idempotencyKey: idempotencyKey(),
});
export type payInvoiceOnlineInput = z.input<typeof payInvoiceOnlineInput>;

type Payment = typeof payments.$inferSelect;
export type OnlinePaymentResult = {
  payment: Payment;
  invoiceNumber: number;
  /** Why a declined or still-processing payment did not go through, for the advertiser. */
  message?: string;
};

const lastDigits = (card: string) => card.replace(/\D/g, "").slice(-4);

/**
 * An advertiser pays (part of) one of its invoices by card through the payment provider.
 * The payment is written as processing and committed before the provider is asked, and
 * settled after it answers, so no transaction is open while an outside service thinks:
 * completed books a ledger payment (the provider's fee kept apart from the funds
 * credited), declined books nothing, "retry" leaves it processing for the advertiser to
 * try again with the same form. The form's key makes a double submit one charge.
 */
export async function payInvoiceOnline(
  ctx: Ctx,
  input: unknown,
  provider: PaymentProvider = paymentProvider(),
): Promise<OnlinePaymentResult> {
  const actor = requireAdvertiser(ctx.actor);
  const data = payInvoiceOnlineInput.parse(input);
  const started = await ctx.db.transaction((tx) => startPayment(tx, ctx.now, actor, data, provider.name));
  if (started.payment.status !== "processing") return started;

  const { payment } = started;
  const result = await provider.charge({
    amount: payment.amount,
    currency: payment.currency,
    cardNumber: data.cardNumber,
    idempotencyKey: `${payment.publisherId}:${data.idempotencyKey}`,
    attempt: started.attempt,
  });
  return ctx.db.transaction((tx) => settlePayment(tx, ctx.now, actor, payment.id, result));
}

async function startPayment(
  tx: Queryable,
  now: Date,
  actor: AdvertiserActor,
  data: z.output<typeof payInvoiceOnlineInput>,
  system: string,
) {
  const [found] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, data.invoiceId), eq(invoices.publisherId, actor.publisherId)));
  if (!found) throw new NotFound(`Invoice #${data.invoiceId}`);
  // The order's scope checks the invoice is this advertiser's; the lock serialises payments on it.
  const { order, publisher } = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true }).catch(
    () => {
      throw new NotFound(`Invoice #${data.invoiceId}`);
    },
  );
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, found.id));
  const amount = parseMoney(data.amount, invoice.currency, "amount");
  const card = lastDigits(data.cardNumber);

  const [earlier] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.publisherId, publisher.id), eq(payments.idempotencyKey, data.idempotencyKey)));
  if (earlier) {
    const same =
      earlier.invoiceId === invoice.id &&
      earlier.amount === amount &&
      earlier.paymentSystem === system &&
      earlier.comment === cardComment(card);
    if (!same) throw new Conflict(reusedKey);
    return { payment: earlier, invoiceNumber: invoice.number, attempt: 2 };
  }

  if (invoice.status === "void") {
    throw fieldError("invoiceId", `Invoice ${invoice.number} is void: it takes no payments.`);
  }
  const payable = await payableOnInvoice(tx, invoice);
  // Payments still with the provider hold their share, so two tabs cannot pay the same part twice.
  const [{ pending }] = await tx
    .select({ pending: sql<string>`coalesce(sum(${payments.amount}), 0)` })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoice.id), eq(payments.status, "processing")));
  const left = payable.left - Number(pending);
  if (payable.left <= 0) {
    throw fieldError(
      "invoiceId",
      payable.paid >= invoice.amount
        ? `Invoice ${invoice.number} is already paid in full.`
        : `Nothing more is owed on invoice ${invoice.number}: its order is settled.`,
    );
  }
  if (amount <= 0) throw fieldError("amount", "The amount must be above zero.");
  if (amount > left) {
    throw fieldError(
      "amount",
      left > 0
        ? `At most ${formatMoney(left, invoice.currency)} can be paid on invoice ${invoice.number} now.`
        : `A payment of the rest of invoice ${invoice.number} is still being processed.`,
    );
  }
  const [payment] = await tx
    .insert(payments)
    .values({
      publisherId: publisher.id,
      invoiceId: invoice.id,
      amount,
      currency: invoice.currency,
      paymentSystem: system,
      fee: 0,
      fundsCredited: 0,
      status: "processing",
      paymentBasisPoints: Math.min(10_000, Math.round((amount * 10_000) / invoice.amount)),
      comment: cardComment(card),
      idempotencyKey: data.idempotencyKey,
      createdBy: actor.userId,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  // The same key committed meanwhile on another connection: the first request owns the charge.
  if (!payment) throw new Conflict("This payment is already being processed. Reload the page to see it.");
  await tx
    .update(orders)
    .set({ version: sql`${orders.version} + 1` })
    .where(eq(orders.id, order.id));
  return { payment, invoiceNumber: invoice.number, attempt: 1 };
}

const cardComment = (last4: string) => `Card ending ${last4}`;

/**
 * Books the provider's answer on a processing payment, for the advertiser who paid or for
 * the system (the sweep of payments left processing). Only a payment still processing is
 * settled; otherwise it answers with what was recorded first.
 */
export async function settlePayment(
  tx: Queryable,
  now: Date,
  actor: AdvertiserActor | SystemActor,
  paymentId: number,
  result: Awaited<ReturnType<PaymentProvider["charge"]>>,
): Promise<OnlinePaymentResult> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, paymentId));
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, row.invoiceId));
  const { order, publisher } = await getOrderForActorOrThrow(tx, actor, invoice.orderId, { lock: true });
  const [current] = await tx.select().from(payments).where(eq(payments.id, paymentId));
  // Another request with the same key settled it first: answer with what it recorded.
  if (current.status !== "processing") return { payment: current, invoiceNumber: invoice.number };
  if (result.outcome === "retry") {
    return { payment: current, invoiceNumber: invoice.number, message: result.message };
  }
  const shown = formatMoney(current.amount, current.currency);
  if (result.outcome === "declined") {
    const [declined] = await tx
      .update(payments)
      .set({ status: "declined" })
      .where(and(eq(payments.id, paymentId), eq(payments.status, "processing")))
      .returning();
    await recordOrderEvent(tx, {
      actor,
      publisherId: publisher.id,
      orderId: order.id,
      type: "payment_declined",
      payload: {
        paymentId,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        amount: current.amount,
        currency: current.currency,
        paymentSystem: current.paymentSystem,
        summary: `${shown} by card on invoice ${invoice.number} declined: ${result.message}`,
      },
      at: now,
    });
    return { payment: declined, invoiceNumber: invoice.number, message: result.message };
  }

  const fee = Math.min(result.fee, current.amount);
  const [completed] = await tx
    .update(payments)
    .set({ status: "completed", fee, fundsCredited: current.amount - fee, receivedOn: null })
    .where(and(eq(payments.id, paymentId), eq(payments.status, "processing")))
    .returning();
  const dueBefore = (await ledgerTotals(tx, order.id)).balanceDue;
  await tx.insert(ledgerEntries).values({
    publisherId: publisher.id,
    orderId: order.id,
    kind: "payment",
    amount: current.amount,
    currency: current.currency,
    reference: `Invoice ${invoice.number} · ${current.paymentSystem} · ${result.reference}`,
    idempotencyKey: `payment:${paymentId}`,
    paymentId,
    createdBy: actor.kind === "advertiser" ? actor.userId : null,
    createdAt: now,
  });
  await refreshOrderNet(tx, order.id);
  const settled = await settleInvoiceStatus(tx, invoice.id);
  const totals = await ledgerTotals(tx, order.id);
  await recordOrderEvent(tx, {
    actor,
    publisherId: publisher.id,
    orderId: order.id,
    type: "payment_recorded",
    payload: {
      paymentId,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      amount: current.amount,
      fee,
      fundsCredited: current.amount - fee,
      currency: current.currency,
      paymentSystem: current.paymentSystem,
      summary: `${shown} paid online (${current.paymentSystem}) on invoice ${invoice.number} (fee ${formatMoney(fee, current.currency)})`,
    },
    at: now,
  });
  await recordPaidInFull(tx, {
    actor,
    publisherId: publisher.id,
    orderId: order.id,
    dueBefore,
    totals,
    currency: current.currency,
    at: now,
  });
  const [advertiser] = await tx.select().from(advertisers).where(eq(advertisers.id, order.advertiserId));
  const stillDue = invoice.amount - (settled && "paid" in settled ? settled.paid : 0);
  await enqueueEmail(tx, {
    publisherId: publisher.id,
    orderId: order.id,
    to: advertiser.contactEmail,
    subject: `Payment received: ${shown} on invoice ${invoice.number}`,
    text: [
      `${publisher.name} received your card payment of ${shown} on invoice ${invoice.number} for order #${order.id}.`,
      stillDue <= 0
        ? "The invoice is paid in full."
        : `Still due on the invoice: ${formatMoney(stillDue, current.currency)}.`,
      "",
      `The invoice: ${appUrl()}/advertiser/invoices/${invoice.id}`,
    ].join("\n"),
  });
  await tx
    .update(orders)
    .set({ version: sql`${orders.version} + 1` })
    .where(eq(orders.id, order.id));
  return { payment: completed, invoiceNumber: invoice.number };
}
