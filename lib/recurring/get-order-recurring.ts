import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { orders, recurringSchedules } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";

export const getOrderRecurringInput = z.object({ orderId: id() });

export type RecurringSchedule = Omit<typeof recurringSchedules.$inferSelect, "paymentMethod"> & {
  /** The card's last four digits, never the number. */
  cardEnding: string | null;
  generated: { id: number; name: string; status: string; total: number; currency: string; createdAt: Date }[];
};

/**
 * An order's recurring schedules (newest first) with the orders each period's payment
 * created, for the publisher's staff and, read-only, the order's own advertiser. When the
 * order is itself a period of a schedule, `partOf` names the schedule and its order.
 */
export async function getOrderRecurring(ctx: Ctx, input: unknown) {
  const actor = requirePerson(ctx.actor);
  const { orderId } = getOrderRecurringInput.parse(input);
  const { order } = await getOrderForActorOrThrow(ctx.db, actor, orderId);
  const rows = await ctx.db
    .select()
    .from(recurringSchedules)
    .where(
      and(
        eq(recurringSchedules.templateOrderId, order.id),
        eq(recurringSchedules.publisherId, order.publisherId),
      ),
    )
    .orderBy(desc(recurringSchedules.id));
  const generated = rows.length
    ? await ctx.db
        .select({
          id: orders.id,
          name: orders.name,
          status: orders.status,
          total: orders.total,
          currency: orders.currency,
          createdAt: orders.createdAt,
          scheduleId: orders.recurringScheduleId,
        })
        .from(orders)
        .where(
          and(
            eq(orders.publisherId, order.publisherId),
            eq(orders.advertiserId, order.advertiserId),
            inArray(
              orders.recurringScheduleId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(orders.id))
    : [];
  const schedules: RecurringSchedule[] = rows.map(({ paymentMethod, ...s }) => ({
    ...s,
    cardEnding: paymentMethod ? paymentMethod.replace(/\D/g, "").slice(-4) : null,
    generated: generated.filter((g) => g.scheduleId === s.id).map(({ scheduleId: _, ...g }) => g),
  }));
  const partOf = order.recurringScheduleId
    ? await ctx.db
        .select({ scheduleId: recurringSchedules.id, templateOrderId: recurringSchedules.templateOrderId })
        .from(recurringSchedules)
        .where(
          and(
            eq(recurringSchedules.id, order.recurringScheduleId),
            eq(recurringSchedules.publisherId, order.publisherId),
          ),
        )
        .then((r) => r[0] ?? null)
    : null;
  return { schedules, partOf };
}
