import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { ledgerEntries, users } from "@/db/schema";

export type LedgerRow = {
  id: number;
  kind: "charge" | "discount" | "credit_note" | "payment" | "refund" | "adjustment";
  amount: number;
  currency: string;
  reference: string | null;
  createdAt: Date;
  /** The person who booked it, or null for AdDesk itself. */
  by: string | null;
  /** Set on a reversal: the entry it undoes. */
  reversesId: number | null;
  /** Set on an entry that was reversed: its reversal. */
  reversedById: number | null;
};

/** Every ledger entry of an order, oldest first, each paired with its reversal if any. */
export async function orderLedger(db: Queryable, orderId: number): Promise<LedgerRow[]> {
  const rows = await db
    .select({
      id: ledgerEntries.id,
      kind: ledgerEntries.kind,
      amount: ledgerEntries.amount,
      currency: ledgerEntries.currency,
      reference: ledgerEntries.reference,
      createdAt: ledgerEntries.createdAt,
      by: users.name,
      reversesId: ledgerEntries.reversesId,
    })
    .from(ledgerEntries)
    .leftJoin(users, eq(users.id, ledgerEntries.createdBy))
    .where(eq(ledgerEntries.orderId, orderId))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  return rows.map((row) => ({
    ...row,
    reversedById: rows.find((r) => r.reversesId === row.id)?.id ?? null,
  }));
}

export const ledgerKindLabels: Record<LedgerRow["kind"], string> = {
  charge: "Charge",
  discount: "Discount",
  credit_note: "Credit note",
  payment: "Payment",
  refund: "Refund",
  adjustment: "Adjustment",
};
