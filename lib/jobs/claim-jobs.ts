import { asc, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { jobs } from "@/db/schema";

export type ClaimedJob = typeof jobs.$inferSelect;

/**
 * Claims due jobs for this worker. SKIP LOCKED lets any number of app instances claim
 * side by side without waiting on or taking each other's jobs; a claim whose worker
 * died is taken over once its lock expires.
 */
export async function claimJobs(
  db: Queryable,
  { now, limit = 20, lockSeconds = 120 }: { now: Date; limit?: number; lockSeconds?: number },
): Promise<ClaimedJob[]> {
  const lockedUntil = new Date(now.getTime() + lockSeconds * 1000);
  const result = await db.execute(sql`
    update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1, locked_until = ${lockedUntil.toISOString()}
    where ${jobs.id} in (
      select id from ${jobs}
      where (status = 'pending' and run_at <= ${now.toISOString()})
         or (status = 'running' and locked_until < ${now.toISOString()})
      order by run_at, id
      for update skip locked
      limit ${limit}
    )
    returning id`);
  const ids = (result.rows as { id: number }[]).map((r) => Number(r.id));
  if (ids.length === 0) return [];
  return db.select().from(jobs).where(inArray(jobs.id, ids)).orderBy(asc(jobs.runAt), asc(jobs.id));
}
