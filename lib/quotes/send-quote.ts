import { z } from "zod";
import { quotes } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn, endOfDayIn } from "@/lib/core/days";
import { Conflict, Invalid } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { calendarDay, id, text, version } from "@/lib/core/validation";

import { formatMoney } from "@/lib/format/format-money";
import { parseMoney } from "@/lib/money/parse-money";
import { applyToLoadedOrder, staleMessage } from "@/lib/orders/apply-order-transition";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { quotedPriceProblem } from "./quoted-price-problem";

export const sendQuoteInput = z.object({
  orderId: id(),
  version: version().optional(),
  /** In major units as typed ("1250.00"); converted with the order's currency. */
  price: text({ min: 1, max: 40, required: "Enter the quoted price." }),
  plan: text({
    min: 10,
    max: 10_000,
    required: "Describe the plan of services (at least 10 characters).",
    tooLong: "Keep the plan under 10,000 characters.",
  }),
  terms: text({ max: 10_000, tooLong: "Keep the terms under 10,000 characters." }).default(""),
  expiresOn: calendarDay("Choose the last day the quote can be accepted."),
  estimatedCompletion: z
    .union([z.literal(""), calendarDay("Enter the estimated completion as a date.")])
    .optional()
    .transform((v) => v || null),
});
export type sendQuoteInput = z.input<typeof sendQuoteInput>;

/**
 * Staff answer a quote request (seed 004): price, plan of services, expiry, estimated
 * completion and terms. The quote row and the order's move to `quoted` (which emails
 * the advertiser) happen together or not at all.
 */
export async function sendQuote(ctx: Ctx, input: sendQuoteInput) {
  requireStaffWriter(ctx.actor, "Only owners, admins and sales managers can send quotes.");
  const data = sendQuoteInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, ctx.actor, data.orderId, { lock: true });
    const { order, publisher } = loaded;
    if (data.version !== undefined && data.version !== order.version) throw new Conflict(staleMessage);

    const today = calendarDayIn(ctx.now, publisher.timezone);
    const errors: Record<string, string[]> = {};
    const priceProblem = quotedPriceProblem(data.price, order.currency);
    const price = priceProblem ? 0 : parseMoney(data.price, order.currency, "price");
    if (priceProblem) errors.price = [priceProblem];
    if (data.expiresOn < today) errors.expiresOn = ["The expiry date is in the past."];
    if (data.estimatedCompletion && data.estimatedCompletion < today) {
      errors.estimatedCompletion = ["The estimated completion date is in the past."];
    }
    if (Object.keys(errors).length) throw new Invalid("Please correct the highlighted fields.", errors);

    const [quote] = await tx
      .insert(quotes)
      .values({
        publisherId: order.publisherId,
        orderId: order.id,
        price,
        plan: data.plan,
        terms: data.terms,
        expiresAt: endOfDayIn(data.expiresOn, publisher.timezone),
        estimatedCompletion: data.estimatedCompletion,
        status: "sent",
        createdBy: ctx.actor.kind === "staff" ? ctx.actor.userId : null,
        createdAt: ctx.now,
      })
      .returning();
    const result = await applyToLoadedOrder(tx, ctx, loaded, {
      orderId: order.id,
      action: { type: "send_quote" },
      payload: {
        quoteId: quote.id,
        price: formatMoney(price, order.currency),
        validUntil: data.expiresOn,
      },
    });
    return { quote, order: result.order };
  });
}
