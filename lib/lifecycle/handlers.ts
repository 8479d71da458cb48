import type { Transaction } from "@/db";
import type { JobHandler } from "@/lib/jobs/run-claimed-job";
import { applyOrderTransition } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { applyLineItemTransition } from "@/lib/orders/run-line-item-action";
import { chargeRecurringPeriod, recurringJobKind } from "@/lib/recurring/charge-recurring-period";
import { extendInventoryHorizonJob, horizonJobKind } from "./inventory-horizon";
import { overdueReminderJobKind, sendOverdueReminder } from "./overdue-reminders";
import { checkStuckPayment, stuckPaymentJobKind } from "./stuck-payments";
import { systemCtx } from "./system-ctx";

const ids = (payload: Record<string, unknown>) => ({
  orderId: Number(payload.orderId),
  lineItemId: Number(payload.lineItemId),
});

async function load(tx: Transaction, orderId: number) {
  return getOrderForActorOrThrow(tx, { kind: "system" }, orderId, { lock: true });
}

/**
 * Each handler re-checks the state under lock: if someone paused or canceled the order
 * since the step was scheduled, the step quietly does nothing.
 */
export const lifecycleHandlers: Record<string, JobHandler> = {
  [horizonJobKind]: extendInventoryHorizonJob,
  [recurringJobKind]: (tx, payload, now) => chargeRecurringPeriod(tx, payload, now),
  [overdueReminderJobKind]: sendOverdueReminder,
  [stuckPaymentJobKind]: checkStuckPayment(),
  "start-order": async (tx, payload, now) => {
    const { orderId } = ids(payload);
    if ((await load(tx, orderId)).order.status !== "approved") return;
    await applyOrderTransition(systemCtx(tx, now), { orderId, action: { type: "start" } });
  },
  "start-line-item": async (tx, payload, now) => {
    const { orderId, lineItemId } = ids(payload);
    const loaded = await load(tx, orderId);
    const li = loaded.lineItems.find((x) => x.id === lineItemId);
    if (loaded.order.status !== "live" || li?.status !== "ready") return;
    await applyLineItemTransition(systemCtx(tx, now), { orderId, lineItemId, action: "start" });
  },
  "complete-line-item": async (tx, payload, now) => {
    const { orderId, lineItemId } = ids(payload);
    const loaded = await load(tx, orderId);
    const li = loaded.lineItems.find((x) => x.id === lineItemId);
    if (!li || !["ready", "delivering", "paused"].includes(li.status)) return;
    if (!["live", "paused"].includes(loaded.order.status)) return;
    await applyLineItemTransition(systemCtx(tx, now), { orderId, lineItemId, action: "complete" });
  },
  "complete-order": async (tx, payload, now) => {
    const { orderId } = ids(payload);
    const loaded = await load(tx, orderId);
    const open = loaded.lineItems.some((li) =>
      ["pending", "ready", "delivering", "paused"].includes(li.status),
    );
    if (loaded.order.status !== "live" || open) return;
    await applyOrderTransition(systemCtx(tx, now), { orderId, action: { type: "complete" } });
  },
};
