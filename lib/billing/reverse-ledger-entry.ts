import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ledgerEntries, orders, payments } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { formatMoney } from "@/lib/format";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import type { LedgerSums } from "@/lib/money/owed";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { settleInvoiceStatus } from "./invoice-status";
import { ledgerKindLabels } from "./order-ledger";
import { refundableOnPayments } from "./refund-payment";

export const reverseLedgerEntryInput = z.object({
  orderId: id(),
  entryId: id(),
  reason: text({ min: 1, max: 500, required: "Say why this transaction is reversed." }),
});
export type reverseLedgerEntryInput = z.input<typeof reverseLedgerEntryInput>;

const alreadyReversed = "That transaction was already reversed.";

const sumOfKind = {
  charge: "charged",
  discount: "discounted",
  credit_note: "credited",
  payment: "paid",
  refund: "refunded",
  adjustment: "adjusted",
} as const satisfies Record<string, keyof LedgerSums>;

/**
 * "Editing or deleting a transaction": the ledger is append-only, so the entry stays and
 * a reversal of the same kind and amount, with the reason, cancels it. A reversal is
 * never reversed, an entry is reversed once, and a reversal that would leave more
 * refunded than paid, or more discounted and credited than charged, is refused (money
 * never appears from nothing).
 */
export async function reverseLedgerEntry(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins can reverse a transaction.");
  const { orderId, entryId, reason } = reverseLedgerEntryInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { order } = await getOrderForActorOrThrow(tx, actor, orderId, { lock: true });
    const [entry] = await tx
      .select()
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.id, entryId),
          eq(ledgerEntries.orderId, order.id),
          eq(ledgerEntries.publisherId, actor.publisherId),
        ),
      );
    if (!entry) throw new NotFound(`Transaction #${entryId}`);
    if (entry.reversesId !== null) throw new Conflict("A reversal cannot itself be reversed.");
    const [earlier] = await tx
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orderId, order.id), eq(ledgerEntries.reversesId, entry.id)));
    if (earlier) throw new Conflict(alreadyReversed);

    if (entry.kind === "payment" && entry.paymentId !== null) {
      const left = (await refundableOnPayments(tx, order.id)).get(entry.paymentId) ?? 0;
      if (left < entry.amount) {
        throw new Conflict("Part of this payment was refunded: reverse its refunds first.");
      }
    }
    const totals = await ledgerTotals(tx, order.id);
    const after = { ...totals, [sumOfKind[entry.kind]]: totals[sumOfKind[entry.kind]] - entry.amount };
    if (after.paid < after.refunded) {
      throw new Conflict("Reversing this would leave more refunded than paid: reverse the refund first.");
    }
    const lowersBillable = entry.kind === "charge" || entry.kind === "adjustment";
    if (lowersBillable && after.charged + after.adjusted - after.discounted - after.credited < 0) {
      throw new Conflict(
        "Reversing this would leave more discounted and credited than charged: reverse those first.",
      );
    }

    const [reversal] = await tx
      .insert(ledgerEntries)
      .values({
        publisherId: entry.publisherId,
        orderId: entry.orderId,
        lineItemId: entry.lineItemId,
        kind: entry.kind,
        amount: entry.amount,
        currency: entry.currency,
        reference: reason,
        // One reversal per entry, even for two admins pressing at once.
        idempotencyKey: `reverse:${entry.id}`,
        reversesId: entry.id,
        paymentId: entry.paymentId,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!reversal) throw new Conflict(alreadyReversed);

    if (entry.kind === "payment" && entry.paymentId !== null) {
      const [payment] = await tx.select().from(payments).where(eq(payments.id, entry.paymentId));
      await settleInvoiceStatus(tx, payment.invoiceId);
    }
    const amount = formatMoney(entry.amount, entry.currency);
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "transaction_reversed",
      payload: {
        entryId: entry.id,
        reversalId: reversal.id,
        kind: entry.kind,
        amount: entry.amount,
        currency: entry.currency,
        reason,
        summary: `${ledgerKindLabels[entry.kind]} #${entry.id} of ${amount} reversed`,
      },
      at: ctx.now,
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    // Lists show and sort by the stored net value: keep it in step with the ledger.
    await refreshOrderNet(tx, order.id);
    return { reversalId: reversal.id, entry, amount: entry.amount };
  });
}
