import type { Queryable } from "@/db";
import { jobs } from "@/db/schema";

/**
 * Adds a job unless one with the same key was ever added: the key names a step
 * ("complete-line-item:42"), so a step is scheduled, and therefore run, at most once.
 */
export async function enqueueJob(
  db: Queryable,
  job: { kind: string; uniqueKey: string; payload?: Record<string, unknown>; runAt?: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      uniqueKey: job.uniqueKey,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
    })
    .onConflictDoNothing({ target: jobs.uniqueKey })
    .returning({ id: jobs.id });
  return inserted.length > 0;
}
