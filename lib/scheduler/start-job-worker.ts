import type { Queryable } from "@/db";
import { logger } from "@/lib/core/logger";
import { sendPendingEmails } from "@/lib/email/send-pending-emails";
import { runJobsOnce } from "./run-jobs-once";

/**
 * Runs the scheduler and the mail sender every `intervalMs` in this process. Passes never
 * overlap; several app instances may each run one (jobs are claimed with SKIP LOCKED).
 * JOBS_INTERVAL_MS=0 turns it off.
 */
export function startJobWorker(
  db: Queryable,
  { intervalMs = Number(process.env.JOBS_INTERVAL_MS ?? 15_000) } = {},
) {
  if (intervalMs <= 0) return { stop: async () => {}, status: () => "off" as const };
  let running: Promise<void> | null = null;
  let startedAt = Date.now();
  let finishedAt = Date.now();
  const tick = () => {
    if (running) return;
    startedAt = Date.now();
    running = (async () => {
      try {
        const report = await runJobsOnce(db, new Date());
        if (report.done || report.failed || report.expiredQuotes) logger.info({ jobs: report }, "jobs: pass");
        await sendPendingEmails(db);
      } catch (error) {
        logger.error({ err: error }, "jobs: pass failed");
      } finally {
        finishedAt = Date.now();
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    /**
     * "stalled" when no pass finished for three intervals, or one has been running for
     * longer than a job's lease: for /readyz.
     */
    status: (now = Date.now()) =>
      running
        ? now - startedAt < Math.max(3 * intervalMs, 120_000)
          ? ("alive" as const)
          : ("stalled" as const)
        : now - finishedAt < 3 * intervalMs + 5_000
          ? ("alive" as const)
          : ("stalled" as const),
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
