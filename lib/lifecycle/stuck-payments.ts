import { and, eq, lte } from "drizzle-orm";
import type { Queryable } from "@/db";
import { payments } from "@/db/schema";
import { settlePayment } from "@/lib/billing/pay-invoice-online";
import { type ChargeResult, type PaymentProvider, paymentProvider } from "@/lib/billing/payment-provider";
import type { OutsideJobHandler } from "@/lib/jobs/run-claimed-job";
import type { DueStep } from "./find-due-steps";

export const stuckPaymentJobKind = "payment-status-check";

/** An online payment still processing this long is asked about, and again every as long. */
export const stuckPaymentCheckMs = 15 * 60_000;
/** Still processing after this long (the provider has no final answer): declined. */
export const stuckPaymentTimeoutMs = 24 * 3_600_000;

/**
 * Online payments left processing (the provider said "try again" and the advertiser went
 * away, or the app stopped between asking and booking): one step per payment per check
 * interval, so each is asked about once every 15 minutes until it is settled.
 */
export async function findStuckPaymentSteps(
  db: Queryable,
  now: Date,
  provider: PaymentProvider = paymentProvider(),
): Promise<DueStep[]> {
  const rows = await db
    .select({ id: payments.id, createdAt: payments.createdAt })
    .from(payments)
    .where(
      and(
        eq(payments.status, "processing"),
        eq(payments.paymentSystem, provider.name),
        lte(payments.createdAt, new Date(now.getTime() - stuckPaymentCheckMs)),
      ),
    );
  return rows.map((p) => ({
    kind: stuckPaymentJobKind,
    uniqueKey: `${stuckPaymentJobKind}:${p.id}:${Math.floor((now.getTime() - p.createdAt.getTime()) / stuckPaymentCheckMs)}`,
    payload: { paymentId: p.id },
  }));
}

/**
 * Asks the provider for the payment's final status outside any transaction, then books
 * it as the advertiser's own answer would have been (completed: ledger, invoice, receipt;
 * declined: an event). No final answer after 24 hours declines it, so its share of the
 * invoice is payable again. Settling only touches a payment still processing, so running
 * twice, or racing the advertiser's retry, books it once.
 */
export function checkStuckPayment(provider: PaymentProvider = paymentProvider()): OutsideJobHandler {
  return {
    outside: async (db, payload, now) => {
      const [payment] = await db
        .select()
        .from(payments)
        .where(eq(payments.id, Number(payload.paymentId)));
      if (payment?.status !== "processing" || !payment.idempotencyKey) return;
      let result: ChargeResult = provider.status
        ? await provider.status({
            amount: payment.amount,
            currency: payment.currency,
            idempotencyKey: `${payment.publisherId}:${payment.idempotencyKey}`,
          })
        : { outcome: "retry", message: "The payment provider cannot be asked." };
      if (result.outcome === "retry") {
        if (now.getTime() - payment.createdAt.getTime() < stuckPaymentTimeoutMs) return;
        result = {
          outcome: "declined",
          message: "The payment provider did not confirm the payment within 24 hours.",
        };
      }
      const settled = result;
      await db.transaction((tx) => settlePayment(tx, now, { kind: "system" }, payment.id, settled));
    },
  };
}
