import type { Queryable } from "@/db";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { paidOnInvoices } from "./invoice-status";

/**
 * What an invoice can still take: what is left on it, never more than its order still
 * owes. A discount, or the write-off of an order accepted as paid in part, lowers what is
 * owed but not the issued invoice; without this cap paying the invoice's rest would leave
 * the order overpaid.
 */
export async function payableOnInvoice(
  tx: Queryable,
  invoice: { id: number; orderId: number; amount: number },
): Promise<{ paid: number; left: number }> {
  const paid = (await paidOnInvoices(tx, [invoice.id])).get(invoice.id) ?? 0;
  const owed = (await ledgerTotals(tx, invoice.orderId)).balanceDue;
  return { paid, left: Math.max(0, Math.min(invoice.amount - paid, owed)) };
}
