import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { ledgerEntries } from "@/db/schema";
import { balanceDue, type LedgerSums, refundable } from "./owed";

export type LedgerTotals = LedgerSums & {
  /** What the advertiser still owes (negative: the publisher owes them). */
  balanceDue: number;
  /** Paid beyond what is owed (after credit notes): what a refund would return. */
  refundable: number;
};

/**
 * Every money figure of an order is a sum over its append-only ledger. A reversal has
 * the kind of the entry it reverses and counts against it, so the two net to zero.
 */
export async function ledgerTotals(db: Queryable, orderId: number): Promise<LedgerTotals> {
  const rows = await db
    .select({
      kind: ledgerEntries.kind,
      total: sql<string>`sum(case when ${ledgerEntries.reversesId} is null then ${ledgerEntries.amount} else -${ledgerEntries.amount} end)`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orderId, orderId))
    .groupBy(ledgerEntries.kind);
  const sum = (kind: string) => Number(rows.find((r) => r.kind === kind)?.total ?? 0);
  const sums: LedgerSums = {
    charged: sum("charge"),
    discounted: sum("discount"),
    adjusted: sum("adjustment"),
    credited: sum("credit_note"),
    paid: sum("payment"),
    refunded: sum("refund"),
  };
  return { ...sums, balanceDue: balanceDue(sums), refundable: refundable(sums) };
}
