import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";

/** Job queue and outbox depths across every publisher, for the metrics scrape (server/metrics.ts). */
export async function queueSnapshot(db: Queryable, now: Date) {
  const at = now.toISOString();
  const result = await db.execute(sql`
    select
      (select count(*) from jobs where status = 'pending' and run_at <= ${at})::int as jobs_due,
      coalesce((select extract(epoch from (${at}::timestamptz - min(run_at)))
                from jobs where status = 'pending' and run_at <= ${at}), 0)::float8 as jobs_lag,
      (select count(*) from jobs where status = 'running')::int as jobs_running,
      (select count(*) from jobs where status = 'failed')::int as jobs_failed,
      (select count(*) from outbox_emails where status in ('pending', 'sending'))::int as emails_pending,
      (select count(*) from outbox_emails where status = 'failed')::int as emails_failed`);
  const row = result.rows[0] as Record<string, number | string>;
  return {
    jobsDue: Number(row.jobs_due),
    jobsLagSeconds: Number(row.jobs_lag),
    jobsRunning: Number(row.jobs_running),
    jobsFailed: Number(row.jobs_failed),
    emailsPending: Number(row.emails_pending),
    emailsFailed: Number(row.emails_failed),
  };
}
