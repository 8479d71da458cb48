import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { checkbox, id, optionalText, wholeNumber } from "@/lib/core/validation";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { fieldError, percentBasisPoints } from "./money-input";

const blankIsUndefined = (value: unknown) => (value === "" ? undefined : value);

export const changeOrderBillingInput = z.object({
  orderId: id(),
  prepayRequired: checkbox(),
  paymentTermsDays: wholeNumber({
    min: 0,
    max: 365,
    invalid: "Enter the payment terms in whole days, from 0 to 365.",
  }),
  invoiceRecipient: z.preprocess(
    blankIsUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter a valid email address, like billing@example.com." }))
      .optional(),
  ),
  poNumber: optionalText({ max: 60 }),
  /** Blank: the publisher's default. */
  taxRate: optionalText({ max: 10 }),
  taxId: optionalText({ max: 60 }),
});
export type changeOrderBillingInput = z.input<typeof changeOrderBillingInput>;

/**
 * An order's billing settings (seed 000 "change order billing settings"): prepay or
 * postpay (a prepay order's line items wait until it is paid), net terms, who gets the
 * invoices, the advertiser's PO number, and the tax rate and tax id its invoices show
 * (blank: the publisher's defaults). The event names every setting that changed.
 */
export async function changeOrderBilling(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const data = changeOrderBillingInput.parse(input);
  const taxRateBasisPoints =
    data.taxRate === undefined ? null : percentBasisPoints(data.taxRate, { allowZero: true });
  if (data.taxRate !== undefined && taxRateBasisPoints === null) {
    throw fieldError("taxRate", "Enter the tax rate as a percentage from 0 to 100, like 20 or 7.5.");
  }
  return ctx.db.transaction(async (tx) => {
    const { order } = await getOrderForActorOrThrow(tx, actor, data.orderId, { lock: true });
    const next = {
      prepayRequired: data.prepayRequired,
      paymentTermsDays: data.paymentTermsDays,
      invoiceRecipient: data.invoiceRecipient ?? null,
      poNumber: data.poNumber ?? null,
      taxRateBasisPoints,
      taxId: data.taxId ?? null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== order[k]);
    if (changed.length === 0) return { order, changed };
    const [saved] = await tx
      .update(orders)
      .set({ ...next, version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id))
      .returning();
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "billing_changed",
      payload: {
        before: Object.fromEntries(changed.map((k) => [k, order[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        summary: changed.map((k) => settingText(k, next)).join(", "),
      },
      at: ctx.now,
    });
    return { order: saved, changed };
  });
}

function settingText(key: string, s: Record<string, unknown>): string {
  switch (key) {
    case "prepayRequired":
      return s.prepayRequired ? "prepay" : "postpay";
    case "paymentTermsDays":
      return `net ${s.paymentTermsDays} days`;
    case "invoiceRecipient":
      return s.invoiceRecipient
        ? `invoices to ${s.invoiceRecipient}`
        : "invoices to the advertiser's contact";
    case "poNumber":
      return s.poNumber ? `PO ${s.poNumber}` : "no PO number";
    case "taxRateBasisPoints":
      return s.taxRateBasisPoints === null
        ? "the default tax rate"
        : `tax ${Number(s.taxRateBasisPoints) / 100}%`;
    default:
      return s.taxId ? `tax id ${s.taxId}` : "the default tax id";
  }
}
