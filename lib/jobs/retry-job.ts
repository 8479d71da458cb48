import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { jobs } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { operationsAdminsOnly } from "./list-failed-jobs";
import { jobBelongsTo } from "./publisher-jobs";

export const retryJobInput = z.object({ jobId: id("Choose a job.") });
export type retryJobInput = z.input<typeof retryJobInput>;

/**
 * Puts a failed job of the publisher's back in the queue with a fresh set of attempts,
 * due now: the next pass of the jobs runner (on any instance) picks it up. Its step key
 * stays, so it still runs at most once. Only failed jobs: one that is waiting or running
 * is already on its way.
 */
export async function retryJob(ctx: Ctx, input: unknown) {
  const actor = requireStaffAdmin(ctx.actor, operationsAdminsOnly);
  const data = retryJobInput.parse(input);
  const [row] = await ctx.db
    .update(jobs)
    .set({ status: "pending", attempts: 0, runAt: ctx.now, lockedUntil: null, claimToken: null })
    .where(and(eq(jobs.id, data.jobId), eq(jobs.status, "failed"), jobBelongsTo(actor.publisherId)))
    .returning({ id: jobs.id, kind: jobs.kind });
  if (!row) throw new NotFound("That failed job");
  return row;
}
