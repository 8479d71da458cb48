import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { jobs } from "@/db/schema";

export type ClaimedJob = typeof jobs.$inferSelect & { claimToken: string };

/** How long a claim holds before another instance may take the job over (its worker presumably died). */
export const defaultLeaseSeconds = 120;

/**
 * Claims the next due job for this worker, one at a time, so a job is only ever claimed
 * by the worker about to run it. SKIP LOCKED lets any number of app instances claim side
 * by side; each claim gets a fresh token, and only the holder of the current token may
 * mark the job done or failed. A claim whose lease ran out (its worker crashed) is taken
 * over with a new token, which voids the old one.
 */
export async function claimJob(
  db: Queryable,
  { now, leaseSeconds = defaultLeaseSeconds }: { now: Date; leaseSeconds?: number },
): Promise<ClaimedJob | null> {
  const lockedUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const claimToken = randomUUID();
  const [claimed] = await db
    .update(jobs)
    .set({ status: "running", attempts: sql`${jobs.attempts} + 1`, lockedUntil, claimToken })
    .where(
      eq(
        jobs.id,
        sql`(
          select id from ${jobs}
          where (status = 'pending' and run_at <= ${now.toISOString()})
             or (status = 'running' and locked_until < ${now.toISOString()})
          order by run_at, id
          for update skip locked
          limit 1
        )`,
      ),
    )
    .returning();
  return claimed ? { ...claimed, claimToken } : null;
}
