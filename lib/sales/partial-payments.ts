import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { invoices, payments, users } from "@/db/schema";
import { paidOnInvoices } from "@/lib/billing/invoice-status";

export type OrderInvoice = typeof invoices.$inferSelect & {
  /** Paid on it: completed payments less their reversals. */
  paid: number;
  /** Payments that went through (completed or since refunded). */
  payments: number;
};

/**
 * An order's invoices with what was paid on each, for the partial-payment verbs. Read
 * under the order's lock (the caller holds it), so nothing pays them meanwhile.
 */
export async function orderInvoices(tx: Queryable, orderId: number): Promise<OrderInvoice[]> {
  const rows = await tx.select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(invoices.id);
  const ids = rows.map((r) => r.id);
  const paid = await paidOnInvoices(tx, ids);
  const counts =
    ids.length === 0
      ? []
      : await tx
          .select({ invoiceId: payments.invoiceId, n: sql<number>`count(*)::int` })
          .from(payments)
          .where(and(inArray(payments.invoiceId, ids), inArray(payments.status, ["completed", "refunded"])))
          .groupBy(payments.invoiceId);
  return rows.map((r) => ({
    ...r,
    paid: paid.get(r.id) ?? 0,
    payments: Number(counts.find((c) => c.invoiceId === r.id)?.n ?? 0),
  }));
}

/** Seed 003's "partial": an invoice, not void, partially paid or paid in more than one payment. */
export const isPartialInvoice = (i: OrderInvoice) =>
  i.status !== "void" && ((i.paid > 0 && i.paid < i.amount) || i.payments > 1);

/** Not void and not paid in full: what Confirm writes off and Decline voids. */
export const isUnpaidInvoice = (i: OrderInvoice) =>
  i.status !== "void" && i.status !== "paid" && i.paid < i.amount;

/** The staff member's name, for the ledger reference and the events log. */
export async function staffName(tx: Queryable, userId: number): Promise<string> {
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? `user #${userId}`;
}

export const invoiceList = (list: OrderInvoice[]) => list.map((i) => i.number).join(", ");
