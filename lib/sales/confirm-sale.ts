import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { invoices, memberships, orders, payments, salesConfirmations, users } from "@/db/schema";
import { fieldError } from "@/lib/billing/money-input";
import type { Ctx } from "@/lib/core/context";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requirePermission } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { formatMoney } from "@/lib/format";
import { getOrderForActorOrThrow } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";

export const confirmSaleInput = z.object({
  paymentId: id(),
  /** "user": the sale was made by `managerId`; "system": an automatic sale, made by no one. */
  kind: z.enum(["user", "system"], { error: "Choose Sale by user or System sale." }),
  managerId: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    id("Choose who made the sale.").optional(),
  ),
});
export type confirmSaleInput = z.input<typeof confirmSaleInput>;

/**
 * Staff with `confirm_sales` confirm who made a sale (seed 003 "Check"): a completed payment
 * was made by a staff member (by default the one who recorded it) or by the system (paid
 * online, charged by a recurring schedule). Confirming again changes the manager. The
 * confirmation says who confirmed it and when; the order's events log names the payment
 * and its amount.
 */
export async function confirmSale(ctx: Ctx, input: unknown) {
  const actor = requirePermission(ctx.actor, "confirm_sales", "Your role cannot confirm sales.");
  const data = confirmSaleInput.parse(input);
  if (data.kind === "user" && data.managerId === undefined) {
    throw fieldError("managerId", "Choose who made the sale.");
  }
  const managerId = data.kind === "user" ? (data.managerId as number) : null;
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ payment: payments, orderId: invoices.orderId })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(and(eq(payments.id, data.paymentId), eq(payments.publisherId, actor.publisherId)));
    if (!found) throw new NotFound(`Payment #${data.paymentId}`);
    const { payment } = found;
    const { order, publisher } = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true });
    if (payment.status !== "completed" && payment.status !== "refunded") {
      throw new Conflict(`Payment #${payment.id} is ${payment.status}: only a completed payment is a sale.`);
    }
    let managerName = "the system";
    if (managerId !== null) {
      const [manager] = await tx
        .select({ name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.userId, managerId), eq(memberships.publisherId, actor.publisherId)));
      if (!manager) throw fieldError("managerId", "Choose a member of your team.");
      managerName = manager.name;
    }
    const values = {
      publisherId: publisher.id,
      orderId: order.id,
      paymentId: payment.id,
      managerUserId: managerId,
      confirmedBy: actor.userId,
      confirmedAt: ctx.now,
    };
    const [confirmation] = await tx
      .insert(salesConfirmations)
      .values(values)
      .onConflictDoUpdate({
        target: salesConfirmations.paymentId,
        set: { managerUserId: managerId, confirmedBy: actor.userId, confirmedAt: ctx.now },
      })
      .returning();
    const shown = formatMoney(payment.amount, payment.currency);
    await recordOrderEvent(tx, {
      actor,
      publisherId: publisher.id,
      orderId: order.id,
      type: "sale_confirmed",
      payload: {
        paymentId: payment.id,
        amount: payment.amount,
        currency: payment.currency,
        managerUserId: managerId,
        summary: `${shown} (payment #${payment.id}, ${payment.paymentSystem}) confirmed as ${
          managerId === null ? "a system sale" : `a sale by ${managerName}`
        }`,
      },
      at: ctx.now,
    });
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1` })
      .where(eq(orders.id, order.id));
    return { confirmation, managerName, paymentId: payment.id };
  });
}
