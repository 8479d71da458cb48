import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { advertisers, invoices, orders, payments, publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requirePerson } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { getOrderForActorOrThrow, orderScope } from "@/lib/orders/get-order-for-actor";
import { paidOnInvoices } from "./invoice-status";
import { refundableOnPayments } from "./refund-payment";

export type InvoiceRow = typeof invoices.$inferSelect & { paid: number };
export type PaymentRow = typeof payments.$inferSelect & { invoiceNumber: number; refundableLeft: number };

/** An order's invoices (newest first) and payments, for its staff or its own advertiser. */
export async function getOrderBilling(ctx: Ctx, input: unknown) {
  const actor = requirePerson(ctx.actor);
  const { orderId } = z.object({ orderId: id() }).parse(input);
  const { order } = await getOrderForActorOrThrow(ctx.db, actor, orderId);
  const rows = await ctx.db
    .select()
    .from(invoices)
    .where(eq(invoices.orderId, order.id))
    .orderBy(desc(invoices.number));
  const paid = await paidOnInvoices(
    ctx.db,
    rows.map((i) => i.id),
  );
  const paymentRows = await ctx.db
    .select({ payment: payments, invoiceNumber: invoices.number })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(eq(invoices.orderId, order.id))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const left = await refundableOnPayments(ctx.db, order.id);
  return {
    invoices: rows.map((i): InvoiceRow => ({ ...i, paid: paid.get(i.id) ?? 0 })),
    payments: paymentRows.map(
      (r): PaymentRow => ({
        ...r.payment,
        invoiceNumber: r.invoiceNumber,
        refundableLeft: left.get(r.payment.id) ?? 0,
      }),
    ),
  };
}

/** One invoice with what it is for and who it is to, for the printable view. */
export async function getInvoice(ctx: Ctx, input: unknown) {
  const actor = requirePerson(ctx.actor);
  const { invoiceId } = z.object({ invoiceId: id() }).parse(input);
  const [row] = await ctx.db
    .select({ invoice: invoices, order: orders, publisher: publishers, advertiser: advertisers })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(publishers, eq(publishers.id, invoices.publisherId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .where(and(eq(invoices.id, invoiceId), orderScope(actor)));
  if (!row) throw new NotFound(`Invoice #${invoiceId}`);
  const { lineItems } = await getOrderForActorOrThrow(ctx.db, actor, row.order.id);
  const billing = await getOrderBilling(ctx, { orderId: row.order.id });
  return {
    ...row,
    lineItems,
    paid: billing.invoices.find((i) => i.id === invoiceId)?.paid ?? 0,
    payments: billing.payments.filter((p) => p.invoiceId === invoiceId),
  };
}
