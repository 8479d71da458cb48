import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { lineItems, orders } from "@/db/schema";
import { Conflict, invalidField } from "@/lib/core/errors";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { type ApiCtx, parseRequest } from "./api-route";
import { getApiOrder } from "./get-api-order";
import { refuseReadOnly } from "./read-only";
import { updateOrderBody } from "./schemas";

const finished = ["completed", "canceled", "rejected", "archived"];

/**
 * PUT /api/v1/orders/<id>: priority and daily_volume, on an order not yet finished.
 * Unknown attributes are refused; known ones sent back unchanged are ignored.
 */
export async function updateApiOrder(ctx: ApiCtx, orderId: number, raw: unknown) {
  const current = await getApiOrder(ctx, orderId);
  const data = parseRequest(updateOrderBody, raw, "Please correct the order.");
  refuseReadOnly(raw, "update", current);
  await ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, ctx.actor, orderId, { lock: true });
    if (data.priority === undefined && data.daily_volume === undefined) return;
    if (finished.includes(loaded.order.status)) {
      throw new Conflict(`Order ${orderId} is ${current.status}: a finished order cannot be changed.`);
    }
    const open = loaded.lineItems.filter((li) => li.status !== "canceled" && li.status !== "completed");
    if (data.daily_volume !== undefined && open.length !== 1) {
      throw invalidField(
        "daily_volume",
        `This order has ${open.length} open line items; set their daily caps one by one in AdDesk.`,
      );
    }
    const ids = open.map((li) => li.id);
    if (ids.length) {
      await tx
        .update(lineItems)
        .set({
          ...(data.priority === undefined ? {} : { priority: data.priority }),
          ...(data.daily_volume === undefined ? {} : { dailyCap: data.daily_volume }),
        })
        .where(and(inArray(lineItems.id, ids), ne(lineItems.status, "canceled")));
    }
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1`, lastActivityAt: ctx.now })
      .where(eq(orders.id, orderId));
    await recordOrderEvent(tx, {
      actor: ctx.actor,
      publisherId: loaded.order.publisherId,
      orderId,
      type: "updated",
      payload: { priority: data.priority, dailyVolume: data.daily_volume, apiKeyId: ctx.actor.apiKeyId },
      at: ctx.now,
    });
  });
  return getApiOrder(ctx, orderId);
}
