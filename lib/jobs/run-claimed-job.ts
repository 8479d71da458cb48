import { and, eq } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db";
import { jobs } from "@/db/schema";
import type { ClaimedJob } from "./claim-job";

/** A step whose work and "done" mark commit together: exactly once. */
export type TransactionalJobHandler = (
  tx: Transaction,
  payload: Record<string, unknown>,
  now: Date,
) => Promise<void>;

/**
 * A step that waits on the outside world (an HTTP call to a webhook receiver). It runs on
 * the pool, not inside a transaction, so no connection (on PGlite, the only one) is held
 * while it waits; it may run again if its "done" mark is lost, so it must be safe to
 * repeat (webhooks are delivered at least once).
 */
export type OutsideJobHandler = {
  outside: (db: Queryable, payload: Record<string, unknown>, now: Date) => Promise<void>;
};

export type JobHandler = TransactionalJobHandler | OutsideJobHandler;

const maxAttempts = 5;

/** Thrown inside the job's transaction when its claim was taken over: the work rolls back. */
class ClaimLost extends Error {}

/** Only the current claim: a worker whose lease ran out and was taken over writes nothing. */
const heldBy = (job: ClaimedJob) => and(eq(jobs.id, job.id), eq(jobs.claimToken, job.claimToken));

/**
 * Runs one claimed job. Its work and its "done" mark commit in the same transaction, so a
 * crash leaves either both or neither: the step is never done twice. A failure is retried
 * with backoff, then parked as failed with its error for someone to look at. Both marks
 * apply only while this worker still holds the claim; if another took the job over after
 * the lease ran out, this run's work is rolled back and the outcome is "lost".
 */
export async function runClaimedJob(
  db: Queryable,
  job: ClaimedJob,
  handler: JobHandler | undefined,
  now: Date,
) {
  try {
    if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
    const markDone = async (q: Queryable) => {
      const marked = await q
        .update(jobs)
        .set({ status: "done", lockedUntil: null, claimToken: null, lastError: null })
        .where(heldBy(job))
        .returning({ id: jobs.id });
      if (marked.length === 0) throw new ClaimLost();
    };
    if ("outside" in handler) {
      await handler.outside(db, job.payload, now);
      await markDone(db);
    } else {
      await db.transaction(async (tx) => {
        await handler(tx, job.payload, now);
        await markDone(tx);
      });
    }
    return "done" as const;
  } catch (error) {
    if (error instanceof ClaimLost) return "lost" as const;
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= maxAttempts;
    const marked = await db
      .update(jobs)
      .set({
        status: failed ? "failed" : "pending",
        lockedUntil: null,
        claimToken: null,
        lastError: message.slice(0, 2000),
        runAt: new Date(now.getTime() + 60_000 * 2 ** job.attempts),
      })
      .where(heldBy(job))
      .returning({ id: jobs.id });
    if (marked.length === 0) return "lost" as const;
    return failed ? ("failed" as const) : ("retry" as const);
  }
}
