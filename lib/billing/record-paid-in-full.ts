import type { Queryable } from "@/db";
import type { Actor } from "@/lib/core/actor";
import { formatMoney } from "@/lib/format";
import type { LedgerTotals } from "@/lib/money/ledger-totals";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

/**
 * The "Payment received" event, once: when a payment takes an order that still owed
 * something (`dueBefore`) to nothing owed. Manual and online payments both call it.
 */
export async function recordPaidInFull(
  tx: Queryable,
  p: {
    actor: Actor;
    publisherId: number;
    orderId: number;
    dueBefore: number;
    totals: LedgerTotals;
    currency: string;
    at: Date;
  },
) {
  if (!(p.dueBefore > 0 && p.totals.balanceDue <= 0)) return false;
  const received = p.totals.paid - p.totals.refunded;
  await recordOrderEvent(tx, {
    actor: p.actor,
    publisherId: p.publisherId,
    orderId: p.orderId,
    type: "payment_received",
    payload: {
      amount: received,
      currency: p.currency,
      summary: `Paid in full: ${formatMoney(received, p.currency)} received`,
    },
    at: p.at,
  });
  return true;
}
