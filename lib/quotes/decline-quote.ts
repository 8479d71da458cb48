import { eq } from "drizzle-orm";
import { z } from "zod";
import { quotes } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { id, optionalText, version } from "@/lib/core/validation";
import { applyToLoadedOrder, staleMessage } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { getOpenQuote } from "./get-open-quote";

export const declineQuoteInput = z.object({
  orderId: id(),
  version: version().optional(),
  reason: optionalText({ max: 2000, tooLong: "Keep the reason under 2,000 characters." }),
});
export type declineQuoteInput = z.input<typeof declineQuoteInput>;

/** The advertiser turns the quote down; the order is canceled and staff are told. */
export async function declineQuote(ctx: Ctx, input: declineQuoteInput) {
  const actor = requireAdvertiser(ctx.actor, "Only the order's advertiser can decline its quote.");
  const data = declineQuoteInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    if (data.version !== undefined && data.version !== loaded.order.version) throw new Conflict(staleMessage);
    const quote = await getOpenQuote(tx, loaded.order.id);
    const result = await applyToLoadedOrder(tx, ctx, loaded, {
      orderId: loaded.order.id,
      action: { type: "decline_quote" },
      payload: { ...(quote ? { quoteId: quote.id } : {}), ...(data.reason ? { reason: data.reason } : {}) },
    });
    if (quote) await tx.update(quotes).set({ status: "declined" }).where(eq(quotes.id, quote.id));
    return { order: result.order };
  });
}
