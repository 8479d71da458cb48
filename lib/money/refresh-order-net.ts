import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { lineItems, orders } from "@/db/schema";
import { ledgerTotals } from "./ledger-totals";
import { type OrderFigures, orderFigures } from "./order-figures";

/** An order's money figures from its ledger and line items, as of the caller's transaction. */
export async function loadOrderFigures(db: Queryable, orderId: number): Promise<OrderFigures> {
  const money = await ledgerTotals(db, orderId);
  const items = await db
    .select({ status: lineItems.status, amount: lineItems.amount })
    .from(lineItems)
    .where(eq(lineItems.orderId, orderId));
  return orderFigures(money, items);
}

/**
 * Stores the order's net value, which lists show and sort by; every writer of the ledger
 * or of line item statuses calls it in the same transaction.
 */
export async function refreshOrderNet(db: Queryable, orderId: number): Promise<OrderFigures> {
  const figures = await loadOrderFigures(db, orderId);
  await db.update(orders).set({ net: figures.net }).where(eq(orders.id, orderId));
  return figures;
}
