import { eq } from "drizzle-orm";
import { z } from "zod";
import { ledgerEntries, quotes } from "@/db/schema";
import { describeShortfalls } from "@/lib/booking/check-cart-availability";
import type { Ctx } from "@/lib/core/context";
import { Conflict, InsufficientInventory, Invalid } from "@/lib/core/errors";
import { requireAdvertiser } from "@/lib/core/require-actor";
import { id, version } from "@/lib/core/validation";
import { formatMoney } from "@/lib/format/format-money";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import { applyToLoadedOrder, staleMessage } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { lineItemZones } from "@/lib/orders/line-item-zones";
import { getOpenQuote } from "./get-open-quote";
import { expiredQuoteMessage, isQuoteExpired } from "./quote-validity";

export const acceptQuoteInput = z.object({
  orderId: id(),
  version: version().optional(),
});
export type acceptQuoteInput = z.input<typeof acceptQuoteInput>;

/**
 * The advertiser accepts the publisher's quote (seed 004): the order is approved and its
 * inventory reserved, all or nothing, and the order's balance becomes the quoted price.
 * An expired quote, or inventory that is gone since, is refused with nothing written.
 */
export async function acceptQuote(ctx: Ctx, input: acceptQuoteInput) {
  const actor = requireAdvertiser(ctx.actor, "Only the order's advertiser can accept its quote.");
  const data = acceptQuoteInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const { order, publisher } = loaded;
    if (data.version !== undefined && data.version !== order.version) throw new Conflict(staleMessage);
    const quote = await getOpenQuote(tx, order.id);
    if (order.status === "quoted" && !quote) throw new Conflict("This order has no open quote to accept.");
    if (quote && isQuoteExpired(quote, ctx.now)) {
      const message = expiredQuoteMessage(quote.expiresAt!, publisher.timezone);
      throw new Invalid(message, { quote: [message] });
    }

    // Read before reserving: the names are for the message if something is gone.
    const zones = await lineItemZones(tx, loaded.lineItems);
    // What the quoted price takes off (or adds to) the line items' value, booked below after the charge.
    const difference = quote ? quote.price - order.total : 0;
    const quoteDetails = quote
      ? {
          quoteId: quote.id,
          price: formatMoney(quote.price, order.currency),
          ...(difference < 0 ? { discounted: -difference } : difference > 0 ? { adjusted: difference } : {}),
        }
      : {};
    let result: Awaited<ReturnType<typeof applyToLoadedOrder>>;
    try {
      result = await applyToLoadedOrder(tx, ctx, loaded, {
        orderId: order.id,
        action: { type: "accept_quote" },
        payload: quoteDetails,
      });
    } catch (error) {
      if (!(error instanceof InsufficientInventory)) throw error;
      throw goneMessage(loaded.lineItems, zones, error);
    }
    if (!quote) return { order: result.order, quote: null };

    if (difference !== 0) {
      await tx.insert(ledgerEntries).values({
        publisherId: order.publisherId,
        orderId: order.id,
        kind: difference < 0 ? "discount" : "adjustment",
        amount: Math.abs(difference),
        currency: order.currency,
        reference: `Quoted price ${formatMoney(quote.price, order.currency)} (quote #${quote.id})`,
        idempotencyKey: `quote:${quote.id}`,
      });
    }
    await refreshOrderNet(tx, order.id);
    const [accepted] = await tx
      .update(quotes)
      .set({ status: "accepted" })
      .where(eq(quotes.id, quote.id))
      .returning();
    return { order: result.order, quote: accepted };
  });
}

/** The same shortfalls, said plainly to the advertiser with the zones' names. */
function goneMessage(
  items: { zoneId: number; startDate: string; endDate: string; countries: string[]; status: string }[],
  zones: { id: number; name: string }[],
  error: InsufficientInventory,
) {
  const zoneOf = (s: { day: string; country: string }) => {
    const item = items.find(
      (li) =>
        li.status !== "canceled" &&
        li.startDate <= s.day &&
        s.day <= li.endDate &&
        li.countries.includes(s.country),
    );
    return zones.find((z) => z.id === item?.zoneId)?.name ?? "Inventory";
  };
  const described = describeShortfalls(error.shortfalls.map((s) => ({ ...s, zone: zoneOf(s) })));
  return new InsufficientInventory(
    error.shortfalls,
    `Some of what this quote covers is no longer available, so the quote could not be accepted and nothing was reserved. ${described}. Ask the publisher for a new quote on other days or countries.`,
  );
}
