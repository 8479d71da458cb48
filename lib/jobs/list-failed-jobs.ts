import { and, desc, eq } from "drizzle-orm";
import { jobs } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { jobBelongsTo } from "./publisher-jobs";

/** How many failed jobs the operations page lists, newest first. */
export const failedJobsShown = 100;

export const operationsAdminsOnly = "Only owners and admins see failed background work.";

/**
 * The publisher's background steps that used up their attempts (a line item that did not
 * start, a webhook that was not delivered …), with their last error, for the operations page.
 */
export async function listFailedJobs(ctx: Ctx) {
  const actor = requireStaffAdmin(ctx.actor, operationsAdminsOnly);
  return ctx.db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      uniqueKey: jobs.uniqueKey,
      payload: jobs.payload,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      runAt: jobs.runAt,
      createdAt: jobs.createdAt,
    })
    .from(jobs)
    .where(and(eq(jobs.status, "failed"), jobBelongsTo(actor.publisherId)))
    .orderBy(desc(jobs.runAt), desc(jobs.id))
    .limit(failedJobsShown);
}
