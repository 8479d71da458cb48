import { type SQL, sql } from "drizzle-orm";
import { ledgerEntries, orders } from "@/db/schema";

/**
 * An order's booked value in SQL, per returned row: its stored net (orders.net, kept by
 * refresh-order-net.ts from orderFigures) plus the discounts and credit notes that came
 * off it, so a list's booked and net never disagree with the order page.
 */
export function bookedValueSql(): SQL<number> {
  return sql<number>`(${orders.net} + (
    select coalesce(sum(${ledgerEntries.amount}), 0) from ${ledgerEntries}
    where ${ledgerEntries.orderId} = ${orders.id} and ${ledgerEntries.kind} in ('discount', 'credit_note')
  ))`.mapWith(Number);
}
