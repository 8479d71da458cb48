import { sql } from "drizzle-orm";

/**
 * A LATERAL subquery giving `spend` (billed net of discounts and credit notes) and
 * `balance` (what is still owed; negative when the publisher owes) over all orders of
 * the advertiser row aliased `a`. The same sums as lib/money/owed.ts, per advertiser.
 */
export const advertiserMoneyLateral = sql`LEFT JOIN LATERAL (
  SELECT
    sum(CASE l.kind WHEN 'charge' THEN l.amount WHEN 'adjustment' THEN l.amount
                    WHEN 'discount' THEN -l.amount WHEN 'credit_note' THEN -l.amount ELSE 0 END) AS spend,
    sum(CASE l.kind WHEN 'charge' THEN l.amount WHEN 'adjustment' THEN l.amount WHEN 'refund' THEN l.amount
                    ELSE -l.amount END) AS balance
  FROM ledger_entries l JOIN orders o ON o.id = l.order_id
  WHERE o.publisher_id = a.publisher_id AND o.advertiser_id = a.id
) m ON true`;
