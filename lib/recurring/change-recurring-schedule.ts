import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recurringSchedules } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requirePermission } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

export const changeRecurringScheduleInput = z.object({
  scheduleId: id(),
  action: z.enum(["pause", "resume", "complete"], { error: "Choose pause, resume or complete." }),
});
export type changeRecurringScheduleInput = z.input<typeof changeRecurringScheduleInput>;

const allowedFrom = {
  pause: ["active"],
  resume: ["paused"],
  complete: ["active", "paused"],
} as const;
const to = { pause: "paused", resume: "active", complete: "completed" } as const;

/**
 * Staff with `manage_recurring` pause a schedule (no charges until resumed), resume it
 * (a payment that fell due while paused is charged on the scheduler's next pass), or
 * complete it early (the periods left are never charged). A schedule in the middle of a
 * charge ("processing") waits for it to finish.
 */
export async function changeRecurringSchedule(ctx: Ctx, input: unknown) {
  const actor = requirePermission(ctx.actor, "manage_recurring");
  const { scheduleId, action } = changeRecurringScheduleInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [schedule] = await tx
      .select()
      .from(recurringSchedules)
      .where(
        and(eq(recurringSchedules.id, scheduleId), eq(recurringSchedules.publisherId, actor.publisherId)),
      )
      .for("update");
    if (!schedule) throw new NotFound(`Recurring schedule #${scheduleId}`);
    if (!(allowedFrom[action] as readonly string[]).includes(schedule.status)) {
      throw new Conflict(`Schedule #${scheduleId} is ${schedule.status}: it cannot ${action} now.`);
    }
    const resumeAt =
      action === "resume" && schedule.nextPaymentAt && schedule.nextPaymentAt < ctx.now
        ? ctx.now
        : schedule.nextPaymentAt;
    const [changed] = await tx
      .update(recurringSchedules)
      .set({ status: to[action], nextPaymentAt: action === "complete" ? null : resumeAt })
      .where(eq(recurringSchedules.id, scheduleId))
      .returning();
    await recordOrderEvent(tx, {
      actor,
      publisherId: actor.publisherId,
      orderId: schedule.templateOrderId,
      type: `recurring_${to[action]}`,
      payload: {
        scheduleId,
        from: schedule.status,
        to: changed.status,
        paymentsRemaining: changed.paymentsRemaining,
        summary: `Recurring schedule #${scheduleId} ${to[action]}${action === "complete" ? ` early with ${changed.paymentsRemaining} payments never charged` : ""}`,
      },
      at: ctx.now,
    });
    return changed;
  });
}
