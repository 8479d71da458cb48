import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { deliveryDaily, lineItems, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Conflict, Invalid, NotFound } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { calendarDay, checkbox, id, optionalText } from "@/lib/core/validation";

import { countOf } from "@/lib/format/units";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { addDelivery } from "./add-delivery";
import { dayOutOfRangeReason, maxDailyCount, notRecordableReason } from "./delivery-rules";

/**
 * A count typed into a form ("1,200", " 15 ") or sent as a number. Blank is missing,
 * not zero: someone who leaves Clicks empty has not said "no clicks".
 */
function dailyCount(label: string) {
  const whole = `${label} must be a whole number, 0 or more.`;
  return z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const text = value.trim().replaceAll(",", "").replaceAll(" ", "");
      if (text === "") return undefined;
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
    },
    z
      .number({ error: (issue) => (issue.input === undefined ? `Enter the ${label.toLowerCase()}.` : whole) })
      .int({ error: whole })
      .min(0, { error: `${label} cannot be negative.` })
      .max(maxDailyCount, { error: `${label} look too high for one day.` }),
  );
}

export const recordManualDeliveryInput = z.object({
  lineItemId: id("Choose a line item."),
  day: z
    .string({ error: "Enter the day." })
    .trim()
    .min(1, { error: "Enter the day." })
    .pipe(calendarDay("Enter the day as YYYY-MM-DD.")),
  impressions: dailyCount("Impressions"),
  clicks: dailyCount("Clicks"),
  reason: optionalText({ max: 500, tooLong: "Keep the reason under 500 characters." }),
  /** The person confirmed that the day really had more clicks than impressions. */
  clicksAboveImpressions: checkbox(),
});
export type recordManualDeliveryInput = z.input<typeof recordManualDeliveryInput>;

type Counts = { impressions: number; clicks: number };

export type RecordManualDeliveryResult = {
  orderId: number;
  lineItemId: number;
  day: string;
  before: Counts | null;
  after: Counts;
  /** False when the day already held exactly these numbers: nothing was written. */
  changed: boolean;
};

/**
 * Sets what was delivered by hand for one line item on one day (delivery that no pixel
 * saw: a newsletter sponsorship, a podcast read). Recording a day again is an
 * adjustment: the day's manual row takes the new numbers, the line item's delivered
 * totals move by the difference, and the order's events log keeps who changed what from
 * what to what, and why. All or nothing, in one transaction.
 */
export async function recordManualDelivery(
  ctx: Ctx,
  input: recordManualDeliveryInput,
): Promise<RecordManualDeliveryResult> {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers record delivery.");
  const data = recordManualDeliveryInput.parse(input);
  const after: Counts = { impressions: data.impressions, clicks: data.clicks };
  if (after.clicks > after.impressions && !data.clicksAboveImpressions) {
    // Usually a typo or swapped columns; saved only once the person confirms it is right.
    const message =
      `${countOf(after.clicks, "clicks")} is more than the ${countOf(after.impressions, "impressions")} recorded. ` +
      "Check the numbers, or confirm that this day really had more clicks than impressions.";
    throw new Invalid(message, { clicks: [message], clicksAboveImpressions: [message] });
  }
  return ctx.db.transaction(async (tx) => {
    // Tenant scope in the WHERE: another publisher's line item does not exist for this actor.
    const [found] = await tx
      .select({ orderId: lineItems.orderId })
      .from(lineItems)
      .innerJoin(orders, eq(orders.id, lineItems.orderId))
      .where(and(eq(lineItems.id, data.lineItemId), eq(orders.publisherId, actor.publisherId)));
    if (!found) throw new NotFound(`Line item #${data.lineItemId}`);
    // The order lock serializes this with imports, cancels and the lifecycle jobs on the same order.
    const loaded = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true });
    const item = loaded.lineItems.find((li) => li.id === data.lineItemId)!;

    const refused = notRecordableReason(item.id, item.status);
    if (refused) throw new Conflict(refused, { lineItemId: [refused] });
    const today = calendarDayIn(ctx.now, loaded.publisher.timezone);
    const outOfRange = dayOutOfRangeReason(data.day, item, today);
    if (outOfRange) throw new Invalid(outOfRange, { day: [outOfRange] });

    const key = and(
      eq(deliveryDaily.lineItemId, item.id),
      eq(deliveryDaily.day, data.day),
      eq(deliveryDaily.source, "manual"),
    );
    const [existing] = await tx
      .select({ impressions: deliveryDaily.impressions, clicks: deliveryDaily.clicks })
      .from(deliveryDaily)
      .where(key);
    const before: Counts | null = existing ?? null;
    const result = { orderId: loaded.order.id, lineItemId: item.id, day: data.day, before, after };
    if (before && before.impressions === after.impressions && before.clicks === after.clicks) {
      return { ...result, changed: false };
    }
    if (before && !data.reason) {
      const message = `${data.day} already has ${before.impressions} impressions and ${before.clicks} clicks recorded: say why you change it.`;
      throw new Invalid(message, { reason: [message] });
    }

    // The difference, added: the day's manual row becomes `after` (only this verb writes it,
    // under the order lock) and the totals move with it while pixel hits keep adding to them.
    await addDelivery(tx, [
      {
        lineItemId: item.id,
        day: data.day,
        source: "manual",
        impressions: after.impressions - (before?.impressions ?? 0),
        clicks: after.clicks - (before?.clicks ?? 0),
      },
    ]);
    await tx.update(orders).set({ lastActivityAt: ctx.now }).where(eq(orders.id, loaded.order.id));
    await recordOrderEvent(tx, {
      actor,
      publisherId: loaded.order.publisherId,
      orderId: loaded.order.id,
      type: "delivery_recorded",
      payload: {
        lineItemId: item.id,
        day: data.day,
        before,
        after,
        ...(data.reason ? { reason: data.reason } : {}),
      },
      at: ctx.now,
    });
    return { ...result, changed: true };
  });
}
