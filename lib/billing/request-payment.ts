import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { advertisers, invoices, orders, publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { addDays, calendarDayIn } from "@/lib/core/days";
import { appUrl } from "@/lib/core/env";
import { Conflict } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id, wholeNumber } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/format";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { paidOnInvoices } from "./invoice-status";

export const requestPaymentInput = z.object({
  orderId: id(),
  netDays: z.preprocess(
    (value) => (value === "" ? undefined : value),
    wholeNumber({
      min: 0,
      max: 365,
      invalid: "Enter the payment terms in whole days, from 0 to 365.",
    }).optional(),
  ),
});

const billable = new Set(["approved", "live", "paused", "completed"]);

/**
 * Staff "request payment" (seed 001): an invoice for what is due and not yet invoiced,
 * numbered per publisher without gaps (the counter is bumped in this transaction, so a
 * rollback gives the number back), due after the order's payment terms unless `netDays`
 * says otherwise, emailed to its invoice recipient (or the advertiser) with a link to it.
 */
export async function requestPayment(ctx: Ctx, input: unknown) {
  const actor = requireStaffWriter(ctx.actor);
  const { orderId, netDays } = requestPaymentInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { order, publisher } = await getOrderForActorOrThrow(tx, actor, orderId, { lock: true });
    if (!billable.has(order.status)) {
      throw new Conflict("Approve the order first: only an approved order is invoiced.");
    }
    const due = (await ledgerTotals(tx, order.id)).balanceDue;
    const open = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.orderId, order.id), inArray(invoices.status, ["open", "partially_paid"])));
    const paid = await paidOnInvoices(
      tx,
      open.map((i) => i.id),
    );
    const invoiced = open.reduce((sum, i) => sum + i.amount - (paid.get(i.id) ?? 0), 0);
    const amount = due - invoiced;
    if (amount <= 0) {
      throw new Conflict(
        due <= 0
          ? "Nothing is due on this order."
          : `Everything due is already on open invoices (${formatMoney(invoiced, order.currency)}).`,
      );
    }
    const [{ number }] = await tx
      .update(publishers)
      .set({ nextInvoiceNumber: sql`${publishers.nextInvoiceNumber} + 1` })
      .where(eq(publishers.id, publisher.id))
      .returning({ number: sql<number>`${publishers.nextInvoiceNumber} - 1` });
    const dueDate = addDays(calendarDayIn(ctx.now, publisher.timezone), netDays ?? order.paymentTermsDays);
    const [invoice] = await tx
      .insert(invoices)
      .values({
        publisherId: publisher.id,
        number,
        orderId: order.id,
        amount,
        currency: order.currency,
        dueDate,
        issuedAt: ctx.now,
      })
      .returning();
    const shown = formatMoney(amount, order.currency);
    await recordOrderEvent(tx, {
      actor,
      publisherId: publisher.id,
      orderId: order.id,
      type: "invoice_issued",
      payload: {
        invoiceId: invoice.id,
        number,
        amount,
        currency: order.currency,
        dueDate,
        summary: `Invoice ${number} for ${shown}, due ${dueDate}`,
      },
      at: ctx.now,
    });
    const [advertiser] = await tx.select().from(advertisers).where(eq(advertisers.id, order.advertiserId));
    await enqueueEmail(tx, {
      publisherId: publisher.id,
      orderId: order.id,
      to: order.invoiceRecipient ?? advertiser.contactEmail,
      subject: `Invoice ${number} from ${publisher.name}: ${shown} due ${dueDate}`,
      text: [
        `${publisher.name} has invoiced ${shown} for order #${order.id} "${order.name}", due ${dueDate}.`,
        "",
        `View and print the invoice: ${appUrl()}/advertiser/invoices/${invoice.id}`,
        `Download it as a PDF: ${appUrl()}/advertiser/invoices/${invoice.id}/pdf`,
        publisher.paymentInstructions ? `\nHow to pay:\n${publisher.paymentInstructions}` : "",
        `\nQuote invoice ${number}${order.poNumber ? ` and PO ${order.poNumber}` : ""} with your payment.`,
      ].join("\n"),
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    return invoice;
  });
}
