import { attemptLineItemSync } from "@/lib/ad-server/attempt-line-item-sync";
import type { OutsideJobHandler } from "@/lib/jobs/run-claimed-job";

/**
 * The jobs runner's side of an ad server sync: one attempt, outside any transaction so a
 * slow ad server holds no database connection; lib/ad-server schedules the next attempt.
 */
export const adServerSyncJob: OutsideJobHandler = {
  outside: (db, payload, now) =>
    attemptLineItemSync(db, { lineItemId: Number(payload.lineItemId), ticket: Number(payload.ticket) }, now),
};
