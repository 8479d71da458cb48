import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { invoices, ledgerEntries, orders } from "@/db/schema";
import { discountable } from "@/lib/billing/issue-discount";
import { recordPaidInFull } from "@/lib/billing/record-paid-in-full";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, version } from "@/lib/core/validation";
import { formatMoney } from "@/lib/format";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import { staleMessage } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { invoiceList, isPartialInvoice, isUnpaidInvoice, orderInvoices, staffName } from "./partial-payments";

export const confirmPartialOrderInput = z.object({
  orderId: id(),
  version: version().optional(),
});
export type confirmPartialOrderInput = z.input<typeof confirmPartialOrderInput>;

const closed = new Set(["canceled", "rejected", "archived"]);

/**
 * Seed 003 "Confirm": the desk accepts an order with partial payments as paid. In one
 * transaction the unpaid remainder of its invoices is written off with a discount entry
 * ("Accepted as paid in part by …"), never more than the order still owes, the invoices
 * become paid and the order is marked Payment received (so prepay line items start).
 */
export async function confirmPartialOrder(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers can confirm an order.");
  const data = confirmPartialOrderInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { order } = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    if (data.version !== undefined && data.version !== order.version) throw new Conflict(staleMessage);
    if (closed.has(order.status)) {
      throw new Conflict(`Order #${order.id} is ${order.status}: it cannot be confirmed as paid in part.`);
    }
    const all = await orderInvoices(tx, order.id);
    if (!all.some(isPartialInvoice)) {
      throw new Conflict(
        `Order #${order.id} has no partial payments: only an order paid in part can be confirmed.`,
      );
    }
    const unpaid = all.filter(isUnpaidInvoice);
    const totals = await ledgerTotals(tx, order.id);
    const remainder = unpaid.reduce((sum, i) => sum + (i.amount - i.paid), 0);
    // A write-off never exceeds what is due, nor what is left to discount.
    const amount = Math.min(remainder, totals.balanceDue, discountable(order.total, totals).left);
    if (unpaid.length === 0 || amount <= 0) {
      throw new Conflict(`Nothing is left to pay on order #${order.id}: there is nothing to write off.`);
    }
    const name = await staffName(tx, actor.userId);
    const reason = `Accepted as paid in part by ${name}`;
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        kind: "discount",
        amount,
        currency: order.currency,
        reference: reason,
        createdBy: actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    await tx
      .update(invoices)
      .set({ status: "paid" })
      .where(
        inArray(
          invoices.id,
          unpaid.map((i) => i.id),
        ),
      );
    const after = await ledgerTotals(tx, order.id);
    const received = after.paid - after.refunded;
    const money = (n: number) => formatMoney(n, order.currency);
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "partial_order_confirmed",
      payload: {
        entryId: entry.id,
        amount,
        received,
        currency: order.currency,
        invoiceIds: unpaid.map((i) => i.id),
        reason,
        summary: `Accepted as paid in part: ${money(received)} received, ${money(amount)} written off on invoice ${invoiceList(unpaid)}`,
      },
      at: ctx.now,
    });
    const paidInFull = await recordPaidInFull(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      dueBefore: totals.balanceDue,
      totals: after,
      currency: order.currency,
      at: ctx.now,
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    await refreshOrderNet(tx, order.id);
    return { orderId: order.id, writtenOff: amount, received, currency: order.currency, paidInFull };
  });
}
