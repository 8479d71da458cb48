import type { Queryable } from "@/db";
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
  if (intervalMs <= 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        const report = await runJobsOnce(db, new Date());
        if (report.done || report.failed || report.expiredQuotes)
          console.log("jobs:", JSON.stringify(report));
        await sendPendingEmails(db);
      } catch (error) {
        console.error("jobs: pass failed", error);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
