import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { advertisers, invoices, ledgerEntries, orders, payments } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/format";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { parseMoney } from "@/lib/money/parse-money";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { fieldError, idempotencyKey, moneyText, reusedKey } from "./money-input";

export const refundPaymentInput = z.object({
  paymentId: id(),
  amount: moneyText("Enter the amount to refund."),
  reason: text({ min: 1, max: 500, required: "Say why the money goes back." }),
  idempotencyKey: idempotencyKey(),
});
export type refundPaymentInput = z.input<typeof refundPaymentInput>;

/**
 * What is left to refund on each payment: its amount, less refunds booked against it, net
 * of reversals (a reversed payment has nothing left).
 */
export async function refundableOnPayments(db: Queryable, orderId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({
      paymentId: ledgerEntries.paymentId,
      left: sql<string>`sum(case when ${ledgerEntries.kind} = 'payment' then 1 else -1 end * case when ${ledgerEntries.reversesId} is null then ${ledgerEntries.amount} else -${ledgerEntries.amount} end)`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orderId, orderId), sql`${ledgerEntries.paymentId} is not null`))
    .groupBy(ledgerEntries.paymentId);
  return new Map(rows.map((r) => [r.paymentId as number, Number(r.left)]));
}

/**
 * The desk sends money back (seed 000: "It's your responsibility to process refunds"): an
 * amount it chooses, to the payment it came from, with a reason. Never more than is left
 * of that payment, nor more than the order has been paid beyond what it owes (a
 * discount or credit note comes first). Idempotent by the form's key, as payments are.
 */
export async function refundPayment(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins can refund money.");
  const data = refundPaymentInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ payment: payments, invoice: invoices })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(and(eq(payments.id, data.paymentId), eq(payments.publisherId, actor.publisherId)));
    if (!found) throw new NotFound(`Payment #${data.paymentId}`);
    const { payment, invoice } = found;
    const { order, publisher } = await getOrderForActorOrThrow(tx, actor, invoice.orderId, { lock: true });
    const amount = parseMoney(data.amount, payment.currency, "amount");
    const key = `refund:${data.idempotencyKey}`;

    const [earlier] = await tx
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.publisherId, actor.publisherId), eq(ledgerEntries.idempotencyKey, key)));
    if (earlier) {
      if (
        earlier.paymentId !== payment.id ||
        earlier.amount !== amount ||
        earlier.reference !== data.reason
      ) {
        throw new Conflict(reusedKey);
      }
      return { entry: earlier, repeated: true };
    }

    if (amount <= 0) throw fieldError("amount", "The amount must be above zero.");
    const left = (await refundableOnPayments(tx, order.id)).get(payment.id) ?? 0;
    const totals = await ledgerTotals(tx, order.id);
    const cur = (n: number) => formatMoney(n, payment.currency);
    if (amount > left) {
      throw fieldError("amount", `At most ${cur(left)} of payment #${payment.id} is left to refund.`);
    }
    if (amount > totals.refundable) {
      throw fieldError(
        "amount",
        totals.refundable > 0
          ? `At most ${cur(totals.refundable)} is refundable: the rest pays for what the order still costs.`
          : "Nothing is refundable: the order still costs what was paid. Issue a discount or credit note first.",
      );
    }
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        publisherId: publisher.id,
        orderId: order.id,
        kind: "refund",
        amount,
        currency: payment.currency,
        reference: data.reason,
        idempotencyKey: key,
        paymentId: payment.id,
        createdBy: actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    if (amount === left)
      await tx.update(payments).set({ status: "refunded" }).where(eq(payments.id, payment.id));
    await recordOrderEvent(tx, {
      actor,
      publisherId: publisher.id,
      orderId: order.id,
      type: "refund_issued",
      payload: {
        entryId: entry.id,
        paymentId: payment.id,
        invoiceNumber: invoice.number,
        amount,
        currency: payment.currency,
        reason: data.reason,
        summary: `${cur(amount)} back to payment #${payment.id} (${payment.paymentSystem})`,
      },
      at: ctx.now,
    });
    const [advertiser] = await tx.select().from(advertisers).where(eq(advertisers.id, order.advertiserId));
    await enqueueEmail(tx, {
      publisherId: publisher.id,
      orderId: order.id,
      to: advertiser.contactEmail,
      subject: `Refund issued: ${cur(amount)} for order #${order.id}`,
      text: [
        `${publisher.name} is refunding ${cur(amount)} of your ${payment.paymentSystem} payment on invoice ${invoice.number}.`,
        `Reason: ${data.reason}`,
        "",
        `The order: ${appUrl()}/advertiser/orders/${order.id}`,
      ].join("\n"),
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    return { entry, repeated: false };
  });
}
