import { eq } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db";
import { jobs } from "@/db/schema";
import type { ClaimedJob } from "./claim-jobs";

export type JobHandler = (tx: Transaction, payload: Record<string, unknown>, now: Date) => Promise<void>;

const maxAttempts = 5;

/**
 * Runs one job. Its work and its "done" mark commit in the same transaction, so a
 * crash leaves either both or neither: the step is never done twice. A failure is
 * retried with backoff, then parked as failed with its error for someone to look at.
 */
export async function runClaimedJob(
  db: Queryable,
  job: ClaimedJob,
  handler: JobHandler | undefined,
  now: Date,
) {
  try {
    if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
    await db.transaction(async (tx) => {
      await handler(tx, job.payload, now);
      await tx
        .update(jobs)
        .set({ status: "done", lockedUntil: null, lastError: null })
        .where(eq(jobs.id, job.id));
    });
    return "done" as const;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= maxAttempts;
    await db
      .update(jobs)
      .set({
        status: failed ? "failed" : "pending",
        lockedUntil: null,
        lastError: message.slice(0, 2000),
        runAt: new Date(now.getTime() + 60_000 * 2 ** job.attempts),
      })
      .where(eq(jobs.id, job.id));
    return failed ? ("failed" as const) : ("retry" as const);
  }
}
