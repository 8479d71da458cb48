import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ledgerEntries, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, text } from "@/lib/core/validation";
import { formatMoney } from "@/lib/format";
import { type LedgerTotals, ledgerTotals } from "@/lib/money/ledger-totals";
import { parseMoney } from "@/lib/money/parse-money";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { fieldError, percentBasisPoints } from "./money-input";

export const issueDiscountInput = z.object({
  orderId: id(),
  method: z.enum(["amount", "percent"], { error: "Choose an amount or a percentage." }),
  value: text({ min: 1, max: 40, required: "Enter the discount." }),
  reason: text({ min: 1, max: 500, required: "Say why the order is discounted." }),
});
export type issueDiscountInput = z.input<typeof issueDiscountInput>;

const closed = new Set(["canceled", "rejected", "archived"]);

/**
 * What a further discount may take off: the order's value (what was charged and adjusted
 * once approved, its total before), less earlier discounts and credit notes.
 */
export function discountable(orderTotal: number, totals: LedgerTotals): { base: number; left: number } {
  const base = totals.charged > 0 ? totals.charged + totals.adjusted : orderTotal;
  return { base, left: Math.max(0, base - totals.discounted - totals.credited) };
}

/**
 * Takes an amount or a percentage off an order, before or after approval, with a reason
 * (seed 000 "issue discount"). A discount never exceeds what remains billable, so the
 * ledger never credits money that was not charged.
 */
export async function issueDiscount(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const { orderId, method, value, reason } = issueDiscountInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { order } = await getOrderForActorOrThrow(tx, actor, orderId, { lock: true });
    if (closed.has(order.status)) throw new Conflict(`A ${order.status} order takes no discounts.`);
    const { base, left } = discountable(order.total, await ledgerTotals(tx, order.id));
    let amount: number;
    let percent: number | null = null;
    if (method === "percent") {
      percent = percentBasisPoints(value);
      if (percent === null)
        throw fieldError("value", "Enter a percentage above 0 and at most 100, like 12.5.");
      amount = Number((BigInt(base) * BigInt(percent) + 5_000n) / 10_000n);
    } else {
      amount = parseMoney(value, order.currency, "value");
    }
    if (amount <= 0) throw fieldError("value", "The discount must be above zero.");
    if (amount > left) {
      throw fieldError(
        "value",
        `The discount can be at most ${formatMoney(left, order.currency)}: what remains billable on this order.`,
      );
    }
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        kind: "discount",
        amount,
        currency: order.currency,
        reference: reason,
        createdBy: actor.userId,
      })
      .returning();
    const shown = formatMoney(amount, order.currency);
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "discount_issued",
      payload: {
        entryId: entry.id,
        amount,
        currency: order.currency,
        percent: percent === null ? null : percent / 100,
        reason,
        summary: percent === null ? `Discount of ${shown}` : `Discount of ${percent / 100}% (${shown})`,
      },
      at: ctx.now,
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    // Lists show and sort by the stored net value: keep it in step with the ledger.
    await refreshOrderNet(tx, order.id);
    return { entryId: entry.id, amount, currency: order.currency };
  });
}
