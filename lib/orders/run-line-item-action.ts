import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { lineItems, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { NotFound } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { id, optionalText } from "@/lib/core/validation";

import { reservedLineItemIds } from "@/lib/inventory/reserved-line-items";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import type { LineItemActionName } from "./actions";
import { blockedLineItems } from "./blocked-line-items";
import { carryOutEffects } from "./carry-out-effects";
import { eventDetails, touchedLineItems } from "./event-details";
import { getOrderForActorOrThrow } from "./get-order-for-actor";
import { lineItemTransition } from "./line-item-machine";
import { lineItemZones } from "./line-item-zones";
import { machineActor } from "./machine-actor";
import { orderSnapshot } from "./order-snapshot";
import { forbiddenMessage } from "./permissions";
import { recordOrderEvent } from "./record-order-event";
import { refusalToError } from "./refusal-to-error";
import { saveLineItemStatuses } from "./save-line-item-statuses";

export const runLineItemActionInput = z.object({
  orderId: id(),
  lineItemId: id(),
  action: z.enum(["pause", "resume", "cancel"], { error: "Unknown line item action." }),
  reason: optionalText({ max: 2000, tooLong: "Keep the reason under 2,000 characters." }),
});
export type runLineItemActionInput = z.input<typeof runLineItemActionInput>;

/**
 * Pauses, resumes or cancels one line item. Canceling releases what is still reserved
 * and credits the undelivered value to the order's balance; it cannot be undone.
 */
export async function runLineItemAction(ctx: Ctx, input: runLineItemActionInput) {
  const data = runLineItemActionInput.parse(input);
  // Which of these people may take which action is the line item machine's to say.
  requireWritingPerson(ctx.actor, forbiddenMessage(data.action, "a line item"));
  return applyLineItemTransition(ctx, data);
}

/** Also used by the scheduler, which starts and completes line items as "system". */
export async function applyLineItemTransition(
  ctx: Ctx,
  input: { orderId: number; lineItemId: number; action: LineItemActionName; reason?: string },
) {
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, ctx.actor, input.orderId, { lock: true });
    const item = loaded.lineItems.find((li) => li.id === input.lineItemId);
    if (!item) throw new NotFound(`Line item #${input.lineItemId} of order #${input.orderId}`);
    const reserved = await reservedLineItemIds(tx, [item.id]);
    const totals = await ledgerTotals(tx, loaded.order.id);
    const today = calendarDayIn(ctx.now, loaded.publisher.timezone);
    const blocked = await blockedLineItems(tx, loaded, { today, balanceDue: totals.balanceDue });
    const snapshot = orderSnapshot(loaded, ctx.now, reserved, totals, new Set(blocked.keys()));
    const li = snapshot.lineItems.find((x) => x.id === item.id)!;
    const result = lineItemTransition(li, input.action, machineActor(ctx.actor, loaded.order), snapshot);
    if (!result.ok) throw refusalToError(result);

    const { booked } = await carryOutEffects(tx, ctx, loaded, result.effects, { reason: input.reason });
    const zones = await lineItemZones(tx, [item]);
    await saveLineItemStatuses(tx, ctx, loaded, [result.lineItem], input.reason);
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1`, lastActivityAt: ctx.now })
      .where(and(eq(orders.id, loaded.order.id)));
    await refreshOrderNet(tx, loaded.order.id);
    await recordOrderEvent(tx, {
      actor: ctx.actor,
      publisherId: loaded.order.publisherId,
      orderId: loaded.order.id,
      type: `line_item_${input.action}`,
      payload: {
        lineItemId: item.id,
        from: item.status,
        to: result.next,
        day: today,
        ...eventDetails(touchedLineItems(loaded, [result.lineItem], zones), booked),
        ...(input.reason ? { reason: input.reason } : {}),
      },
      at: ctx.now,
    });
    const [updated] = await tx.select().from(lineItems).where(eq(lineItems.id, item.id));
    return { lineItem: updated, effects: result.effects };
  });
}
