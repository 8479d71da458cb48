import { sql } from "drizzle-orm";
import type { Queryable } from "../index";

/**
 * Sets every order's net value from its ledger and line items, as migration 0007 did and
 * lib/money/order-figures.ts computes for one order: the seed writes its ledger in bulk.
 */
export async function refreshAllOrderNets(db: Queryable) {
  await db.execute(sql`
    update orders set net = greatest(0,
      (select case when coalesce(sum(e.amount) filter (where e.kind = 'charge'), 0) > 0
          then sum(e.amount) filter (where e.kind = 'charge')
          else (select coalesce(sum(li.amount), 0) from line_items li
                where li.order_id = orders.id and li.status <> 'canceled')
        end
        + coalesce(sum(e.amount) filter (where e.kind = 'adjustment'), 0)
        - coalesce(sum(e.amount) filter (where e.kind in ('discount', 'credit_note')), 0)
      from ledger_entries e where e.order_id = orders.id))`);
}
