import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { ledgerEntries } from "@/db/schema";

export type LedgerTotals = {
  charged: number;
  discounted: number;
  paid: number;
  refunded: number;
  credited: number;
  adjusted: number;
  /** What the advertiser still owes (negative: the publisher owes them). */
  balanceDue: number;
  /** Paid beyond what is owed (after credit notes): what a refund would return. */
  refundable: number;
};

/** Every money figure of an order is a sum over its append-only ledger. */
export async function ledgerTotals(db: Queryable, orderId: number): Promise<LedgerTotals> {
  const rows = await db
    .select({ kind: ledgerEntries.kind, total: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orderId, orderId))
    .groupBy(ledgerEntries.kind);
  const sum = (kind: string) => Number(rows.find((r) => r.kind === kind)?.total ?? 0);
  const charged = sum("charge");
  const discounted = sum("discount");
  const paid = sum("payment");
  const refunded = sum("refund");
  const credited = sum("credit_note");
  const adjusted = sum("adjustment");
  const balanceDue = charged + adjusted - discounted - credited - paid + refunded;
  return {
    charged,
    discounted,
    paid,
    refunded,
    credited,
    adjusted,
    balanceDue,
    refundable: Math.max(0, -balanceDue),
  };
}
