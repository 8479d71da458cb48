import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recurringSchedules } from "@/db/schema";
import { fieldError } from "@/lib/billing/money-input";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn, startOfDayIn } from "@/lib/core/days";
import { Conflict } from "@/lib/core/errors";
import { requirePermission } from "@/lib/core/require-actor";
import { calendarDay, id, text, wholeNumber } from "@/lib/core/validation";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

export const scheduleRecurringOrderInput = z.object({
  orderId: id(),
  interval: z.enum(["weekly", "monthly"], { error: "Choose weekly or monthly." }),
  periods: wholeNumber({ min: 1, max: 52, invalid: "Enter how many periods, from 1 to 52." }),
  firstPaymentOn: calendarDay("Enter the day of the first payment as YYYY-MM-DD."),
  paymentMethod: text({ min: 12, max: 23, required: "Enter the card to charge." }).refine(
    (v) => /^[\d\s-]{12,23}$/.test(v),
    "A card number has only digits (spaces and dashes are fine).",
  ),
  retryIntervalHours: wholeNumber({ min: 1, max: 168, invalid: "Retry every 1 to 168 hours." }).default(24),
});
export type scheduleRecurringOrderInput = z.input<typeof scheduleRecurringOrderInput>;

/**
 * Staff with `manage_recurring` make an order recur: each period (a week or a month) the
 * card is charged, and each successful charge creates its own order with the same line
 * items moved by that many periods (lib/recurring/charge-recurring-period.ts).
 */
export async function scheduleRecurringOrder(ctx: Ctx, input: unknown) {
  const actor = requirePermission(ctx.actor, "manage_recurring");
  const data = scheduleRecurringOrderInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { order, publisher } = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    if (!["approved", "live", "paused", "completed"].includes(order.status)) {
      throw fieldError("orderId", "Only an approved order can recur: approve it first.");
    }
    if (data.firstPaymentOn < calendarDayIn(ctx.now, publisher.timezone)) {
      throw fieldError("firstPaymentOn", "The first payment cannot be in the past.");
    }
    const [open] = await tx
      .select({ id: recurringSchedules.id })
      .from(recurringSchedules)
      .where(
        and(
          eq(recurringSchedules.templateOrderId, order.id),
          inArray(recurringSchedules.status, ["active", "paused", "processing"]),
        ),
      );
    if (open) throw new Conflict(`Order #${order.id} already recurs (schedule #${open.id}).`);
    const [schedule] = await tx
      .insert(recurringSchedules)
      .values({
        publisherId: publisher.id,
        templateOrderId: order.id,
        interval: data.interval,
        paymentsTotal: data.periods,
        paymentsRemaining: data.periods,
        nextPaymentAt: startOfDayIn(data.firstPaymentOn, publisher.timezone),
        retryIntervalHours: data.retryIntervalHours,
        paymentMethod: data.paymentMethod.replace(/[\s-]/g, ""),
        createdAt: ctx.now,
      })
      .returning();
    await recordOrderEvent(tx, {
      actor,
      publisherId: publisher.id,
      orderId: order.id,
      type: "recurring_scheduled",
      payload: {
        scheduleId: schedule.id,
        interval: data.interval,
        periods: data.periods,
        summary: `Recurs ${data.interval} for ${data.periods} periods from ${data.firstPaymentOn}`,
      },
      at: ctx.now,
    });
    return schedule;
  });
}
