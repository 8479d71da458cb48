import { and, asc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import { orders, quotes } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireSystem } from "@/lib/core/require-actor";
import { wholeNumber } from "@/lib/core/validation";
import { applyToLoadedOrder } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { getOpenQuote } from "./get-open-quote";
import { isQuoteExpired } from "./quote-validity";

export const expireQuotesInput = z.object({
  /** Orders handled in one run; the next run takes the rest. */
  limit: wholeNumber({ min: 1, max: 10_000 }).default(500),
});
export type expireQuotesInput = z.input<typeof expireQuotesInput>;

/**
 * Due work for the jobs runner: every sent quote past its expiry cancels its order
 * (the machine's `expire`, which emails the advertiser) and is marked expired. Each
 * order is its own transaction, so one failure does not hold back the others, and a
 * quote accepted or declined meanwhile is left alone (re-checked under the order lock).
 */
export async function expireQuotes(ctx: Ctx, input: expireQuotesInput = {}) {
  requireSystem(ctx.actor, "Only the system expires quotes.");
  const { limit } = expireQuotesInput.parse(input);
  const due = await ctx.db
    .select({ orderId: quotes.orderId })
    .from(quotes)
    .innerJoin(orders, eq(orders.id, quotes.orderId))
    .where(and(eq(quotes.status, "sent"), lte(quotes.expiresAt, ctx.now), eq(orders.status, "quoted")))
    .orderBy(asc(quotes.expiresAt))
    .limit(limit);
  const expired: number[] = [];
  for (const orderId of new Set(due.map((d) => d.orderId))) {
    const done = await ctx.db.transaction(async (tx) => {
      const loaded = await getOrderForActorOrThrow(tx, ctx.actor, orderId, { lock: true }).catch((error) => {
        if (error instanceof NotFound) return null;
        throw error;
      });
      if (loaded?.order.status !== "quoted") return false;
      const quote = await getOpenQuote(tx, orderId);
      if (!quote || !isQuoteExpired(quote, ctx.now)) return false;
      await applyToLoadedOrder(tx, ctx, loaded, {
        orderId,
        action: { type: "expire" },
        payload: { quoteId: quote.id },
      });
      await tx.update(quotes).set({ status: "expired" }).where(eq(quotes.id, quote.id));
      return true;
    });
    if (done) expired.push(orderId);
  }
  return { expiredOrderIds: expired };
}
