import { z } from "zod";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { discountable } from "./issue-discount";
import { orderLedger } from "./order-ledger";

export const getOrderLedgerInput = z.object({ orderId: id() });

/**
 * An order's transactions and balance, for its publisher's staff or its own advertiser
 * (another tenant's or advertiser's order is not found).
 */
export async function getOrderLedger(ctx: Ctx, input: unknown) {
  const actor = requirePerson(ctx.actor);
  const { orderId } = getOrderLedgerInput.parse(input);
  const { order } = await getOrderForActorOrThrow(ctx.db, actor, orderId);
  const totals = await ledgerTotals(ctx.db, order.id);
  return {
    rows: await orderLedger(ctx.db, order.id),
    totals,
    currency: order.currency,
    discountableLeft: discountable(order.total, totals).left,
  };
}

export type OrderLedger = Awaited<ReturnType<typeof getOrderLedger>>;
