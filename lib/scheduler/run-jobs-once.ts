import type { Queryable } from "@/db";
import { claimJob } from "@/lib/jobs/claim-job";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { type JobHandler, runClaimedJob } from "@/lib/jobs/run-claimed-job";
import { findDueSteps } from "@/lib/lifecycle/find-due-steps";
import { findHorizonSteps } from "@/lib/lifecycle/inventory-horizon";
import { findOverdueReminderSteps } from "@/lib/lifecycle/overdue-reminders";
import { findStuckPaymentSteps } from "@/lib/lifecycle/stuck-payments";
import { systemCtx } from "@/lib/lifecycle/system-ctx";
import { sendDigests } from "@/lib/notifications/send-digests";
import { expireQuotes } from "@/lib/quotes/expire-quotes";
import { findRecurringSteps } from "@/lib/recurring/charge-recurring-period";
import { findSurveySteps } from "@/lib/surveys/find-survey-steps";
import { jobHandlers } from "./job-handlers";

export type JobsReport = {
  scheduled: number;
  done: number;
  retried: number;
  failed: number;
  /** Jobs whose claim another instance took over (lease ran out) before they finished. */
  lost: number;
  expiredQuotes: number;
  /** Daily digests sent (lib/notifications/send-digests.ts). */
  digests: number;
};

/**
 * One pass of the scheduler: schedule what is due, then run due jobs until none are
 * left. Steps that become due because of this pass (an order completes after its last
 * line item did) are found by the next pass.
 */
export async function runJobsOnce(
  db: Queryable,
  now: Date,
  handlers: Record<string, JobHandler> = jobHandlers,
): Promise<JobsReport> {
  const report: JobsReport = {
    scheduled: 0,
    done: 0,
    retried: 0,
    failed: 0,
    lost: 0,
    expiredQuotes: 0,
    digests: 0,
  };
  // The inventory horizon is a daily step per publisher, recurring charges one per
  // period and attempt, overdue invoices one per reminder, online payments left
  // processing one per check and surveys one per completed order, beside the orders' own steps.
  const due = [
    ...(await findDueSteps(db, now)),
    ...(await findHorizonSteps(db, now)),
    ...(await findRecurringSteps(db, now)),
    ...(await findOverdueReminderSteps(db, now)),
    ...(await findStuckPaymentSteps(db, now)),
    ...(await findSurveySteps(db, now)),
  ];
  for (const step of due) {
    if (await enqueueJob(db, { ...step, runAt: now })) report.scheduled++;
  }
  // One claim at a time: a job is claimed only by the worker about to run it, so a slow
  // job never holds others that another instance could be running meanwhile.
  for (let job = await claimJob(db, { now }); job; job = await claimJob(db, { now })) {
    const outcome = await runClaimedJob(db, job, handlers[job.kind], now);
    if (outcome === "done") report.done++;
    else if (outcome === "retry") report.retried++;
    else if (outcome === "failed") report.failed++;
    else report.lost++;
  }
  report.expiredQuotes = (await expireQuotes(systemCtx(db, now))).expiredOrderIds.length;
  report.digests = await sendDigests(db, now);
  return report;
}
