import { sql } from "drizzle-orm";

/**
 * A LATERAL subquery giving `spend` (billed net of discounts and credit notes) and
 * `balance` (what is still owed; negative when the publisher owes) over all orders of
 * the advertiser row aliased `a`. The same sums as lib/money/owed.ts and ledger-totals.ts
 * (reversals count against what they reverse), per advertiser.
 */
export const advertiserMoneyLateral = sql`LEFT JOIN LATERAL (
  SELECT
    sum(s.sign * CASE l.kind WHEN 'charge' THEN l.amount WHEN 'adjustment' THEN l.amount
                    WHEN 'discount' THEN -l.amount WHEN 'credit_note' THEN -l.amount ELSE 0 END) AS spend,
    sum(s.sign * CASE l.kind WHEN 'charge' THEN l.amount WHEN 'adjustment' THEN l.amount WHEN 'refund' THEN l.amount
                    ELSE -l.amount END) AS balance
  FROM ledger_entries l JOIN orders o ON o.id = l.order_id
  -- A reversal has the kind of the entry it reverses and cancels it (as in ledger-totals.ts).
  CROSS JOIN LATERAL (SELECT CASE WHEN l.reverses_id IS NULL THEN 1 ELSE -1 END AS sign) s
  WHERE o.publisher_id = a.publisher_id AND o.advertiser_id = a.id
) m ON true`;
