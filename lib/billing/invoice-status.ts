import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { invoices, ledgerEntries, payments } from "@/db/schema";

/** Invoice statuses in words, for the desk, the advertiser and the PDF. */
export const invoiceStatusLabels = {
  open: "Open",
  partially_paid: "Partially paid",
  paid: "Paid",
  void: "Void",
} as const;

/** What has been paid on each invoice: completed payments, less their reversals (refunds do not reopen an invoice). */
export async function paidOnInvoices(db: Queryable, invoiceIds: number[]): Promise<Map<number, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .select({
      invoiceId: payments.invoiceId,
      paid: sql<string>`coalesce(sum(case when ${ledgerEntries.reversesId} is null then ${ledgerEntries.amount} else -${ledgerEntries.amount} end), 0)`,
    })
    .from(payments)
    .innerJoin(
      ledgerEntries,
      and(eq(ledgerEntries.paymentId, payments.id), eq(ledgerEntries.kind, "payment")),
    )
    .where(inArray(payments.invoiceId, invoiceIds))
    .groupBy(payments.invoiceId);
  return new Map(rows.map((r) => [r.invoiceId, Number(r.paid)]));
}

/** open, partially paid or paid, from what its payments add up to (a void invoice stays void). */
export async function settleInvoiceStatus(db: Queryable, invoiceId: number) {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice || invoice.status === "void") return invoice;
  const paid = (await paidOnInvoices(db, [invoiceId])).get(invoiceId) ?? 0;
  const status = paid >= invoice.amount ? "paid" : paid > 0 ? "partially_paid" : "open";
  if (status !== invoice.status) await db.update(invoices).set({ status }).where(eq(invoices.id, invoiceId));
  return { ...invoice, status, paid } as const;
}
