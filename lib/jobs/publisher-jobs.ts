import { type SQL, sql } from "drizzle-orm";
import { jobs } from "@/db/schema";

/**
 * Jobs that belong to one publisher: their payload names the publisher, one of its orders,
 * or one of its webhook deliveries. A job that names none (none do today) is the
 * operator's, seen through /metrics and the logs, never by a workspace's staff.
 */
export function jobBelongsTo(publisherId: number): SQL {
  return sql`(
    (${jobs.payload} ->> 'publisherId') = ${String(publisherId)}
    or exists (select 1 from orders o
               where (${jobs.payload} ->> 'orderId') ~ '^[0-9]{1,9}$'
                 and o.id = (${jobs.payload} ->> 'orderId')::int and o.publisher_id = ${publisherId})
    or exists (select 1 from webhook_deliveries d
               where (${jobs.payload} ->> 'deliveryId') ~ '^[0-9]{1,9}$'
                 and d.id = (${jobs.payload} ->> 'deliveryId')::int and d.publisher_id = ${publisherId})
  )`;
}
