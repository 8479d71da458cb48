import { eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { lineItems, orders } from "@/db/schema";
import type { Actor } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import type { LineItemStatus } from "@/lib/orders/types";
import { makeDesk, makePendingOrder } from "@/test/order-fixtures";

/** "Now" for delivery tests: 2030-01-12 midday UTC, after the default line item's 2030-01-10 … 11. */
export const deliveryNow = new Date("2030-01-12T12:00:00Z");

export const deliveryCtx = (actor: Actor, tx: Transaction, now = deliveryNow) =>
  makeCtx(actor, { db: tx, now });

/**
 * A desk with one live order of two CPM line items (2030-01-10 … 2030-01-11 and
 * 2030-01-10 … 2030-01-20), delivering unless `status` says otherwise.
 */
export async function makeDeliveringOrder(tx: Transaction, { status = "delivering" as LineItemStatus } = {}) {
  const desk = await makeDesk(tx);
  const { order, lineItems: items } = await makePendingOrder(
    tx,
    desk,
    [{}, { startDate: "2030-01-10", endDate: "2030-01-20", quantity: 5000 }],
    "approved",
  );
  await tx.update(orders).set({ status: "live" }).where(eq(orders.id, order.id));
  for (const item of items) await tx.update(lineItems).set({ status }).where(eq(lineItems.id, item.id));
  return { desk, orderId: order.id, lineItemId: items[0].id, longLineItemId: items[1].id };
}

export async function lineItemTotals(tx: Transaction, id: number) {
  const [row] = await tx
    .select({ impressions: lineItems.deliveredImpressions, clicks: lineItems.deliveredClicks })
    .from(lineItems)
    .where(eq(lineItems.id, id));
  return row;
}
