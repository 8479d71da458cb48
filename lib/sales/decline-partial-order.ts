import { inArray } from "drizzle-orm";
import { z } from "zod";
import { invoices } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, version } from "@/lib/core/validation";
import { formatMoney } from "@/lib/format";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { applyToLoadedOrder, staleMessage } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { invoiceList, isPartialInvoice, isUnpaidInvoice, orderInvoices } from "./partial-payments";

export const declinePartialOrderInput = z.object({
  orderId: id(),
  version: version().optional(),
});
export type declinePartialOrderInput = z.input<typeof declinePartialOrderInput>;

/**
 * Seed 003 "Decline": the desk rejects an order with partial payments. In one transaction
 * its unpaid invoices are voided and the order is canceled through the order machine (the
 * same credit notes as Cancel; refused where Cancel is). The payments received stay as
 * they are, for staff to refund from the order's page.
 */
export async function declinePartialOrder(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers can decline an order.");
  const data = declinePartialOrderInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const { order } = loaded;
    if (data.version !== undefined && data.version !== order.version) throw new Conflict(staleMessage);
    const all = await orderInvoices(tx, order.id);
    if (!all.some(isPartialInvoice)) {
      throw new Conflict(
        `Order #${order.id} has no partial payments: only an order paid in part can be declined here.`,
      );
    }
    const unpaid = all.filter(isUnpaidInvoice);
    if (unpaid.length === 0) {
      throw new Conflict(
        `Order #${order.id} is paid in full: nothing is left unpaid to decline. Cancel it from its page instead.`,
      );
    }
    await tx
      .update(invoices)
      .set({ status: "void" })
      .where(
        inArray(
          invoices.id,
          unpaid.map((i) => i.id),
        ),
      );
    const voided = unpaid.reduce((sum, i) => sum + (i.amount - i.paid), 0);
    // The machine refuses (and the transaction undoes the voiding) where Cancel would be refused.
    await applyToLoadedOrder(tx, ctx, loaded, {
      orderId: order.id,
      action: { type: "cancel" },
      payload: { declinedPartial: true },
    });
    const totals = await ledgerTotals(tx, order.id);
    const received = totals.paid - totals.refunded;
    const money = (n: number) => formatMoney(n, order.currency);
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "partial_order_declined",
      payload: {
        invoiceIds: unpaid.map((i) => i.id),
        unpaid: voided,
        received,
        refundable: totals.refundable,
        currency: order.currency,
        summary: `Declined with partial payments: invoice ${invoiceList(unpaid)} void (${money(voided)} unpaid), ${money(received)} received left to refund`,
      },
      at: ctx.now,
    });
    return { orderId: order.id, voided, received, refundable: totals.refundable, currency: order.currency };
  });
}
