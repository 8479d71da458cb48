import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { invoices, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { formatMoney } from "@/lib/format";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { paidOnInvoices } from "./invoice-status";

export const voidInvoiceInput = z.object({
  invoiceId: id(),
  reason: text({ min: 1, max: 500, required: "Say why the invoice is void." }),
});

/**
 * Withdraws an invoice nobody has paid on (its number stays used: numbering has no gaps
 * and no reuse). An invoice with payments is settled by refunds instead.
 */
export async function voidInvoice(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins can void an invoice.");
  const { invoiceId, reason } = voidInvoiceInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.publisherId, actor.publisherId)));
    if (!found) throw new NotFound(`Invoice #${invoiceId}`);
    const { order } = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true });
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, found.id));
    if (invoice.status === "void") throw new Conflict(`Invoice ${invoice.number} is already void.`);
    if (((await paidOnInvoices(tx, [invoice.id])).get(invoice.id) ?? 0) > 0) {
      throw new Conflict(`Invoice ${invoice.number} has payments: refund them instead of voiding it.`);
    }
    await tx.update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "invoice_voided",
      payload: {
        invoiceId: invoice.id,
        number: invoice.number,
        amount: invoice.amount,
        currency: invoice.currency,
        reason,
        summary: `Invoice ${invoice.number} for ${formatMoney(invoice.amount, invoice.currency)} void`,
      },
      at: ctx.now,
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    return invoice;
  });
}
