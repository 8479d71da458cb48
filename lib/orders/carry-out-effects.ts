import { and, eq, gt, inArray } from "drizzle-orm";
import type { Transaction } from "@/db";
import { ledgerEntries, lineItems, reservations } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { calendarDayIn } from "@/lib/core/days";
import { InsufficientInventory, type Shortfall } from "@/lib/errors";
import { planReservation } from "@/lib/inventory/plan-reservation";
import { releaseReservations } from "@/lib/inventory/release-reservations";
import { reserveInventory } from "@/lib/inventory/reserve-inventory";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import type { LoadedOrder } from "./get-order-for-actor";
import { notifyOrderParty } from "./notify-order-party";
import type { Effect, LineItemSnapshot } from "./types";

export async function reservedLineItemIds(tx: Transaction, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ id: reservations.lineItemId })
    .from(reservations)
    .where(and(inArray(reservations.lineItemId, ids), gt(reservations.units, 0)));
  return new Set(rows.map((r) => r.id));
}

export type EffectOptions = { overbook?: boolean; reason?: string };

/**
 * Carries out the machine's effects inside the verb's transaction. Inventory for every
 * line item is checked before anything is thrown, so the approver sees every shortfall
 * at once; any shortfall aborts the whole transaction.
 */
export async function carryOutEffects(
  tx: Transaction,
  ctx: Ctx,
  loaded: LoadedOrder,
  effects: Effect[],
  options: EffectOptions = {},
): Promise<{ overbooked: Shortfall[] }> {
  const byId = new Map(loaded.lineItems.map((li) => [li.id, li]));
  const today = calendarDayIn(ctx.now, loaded.publisher.timezone);
  const overbooked: Shortfall[] = [];
  const shortfalls: Shortfall[] = [];
  const currency = loaded.order.currency;
  const createdBy = ctx.actor.kind === "staff" ? ctx.actor.userId : null;

  for (const effect of effects) {
    switch (effect.type) {
      case "reserve":
        for (const id of effect.lineItemIds) {
          const li = byId.get(id)!;
          try {
            const result = await reserveInventory(tx, li.id, planReservation(li), {
              overbook: !!options.overbook,
            });
            overbooked.push(...result.overbooked);
          } catch (error) {
            if (!(error instanceof InsufficientInventory)) throw error;
            shortfalls.push(...error.shortfalls);
          }
        }
        break;
      case "release":
        await releaseReservations(tx, effect.lineItemIds, { fromDay: today });
        break;
      case "creditNote":
        await tx.insert(ledgerEntries).values({
          publisherId: loaded.order.publisherId,
          orderId: loaded.order.id,
          lineItemId: effect.lineItemId,
          kind: "credit_note",
          amount: effect.amount,
          currency,
          reference: `Undelivered value of canceled line item #${effect.lineItemId}`,
          createdBy,
        });
        break;
      case "refund": {
        const { refundable } = await ledgerTotals(tx, loaded.order.id);
        if (refundable > 0) {
          await tx.insert(ledgerEntries).values({
            publisherId: loaded.order.publisherId,
            orderId: loaded.order.id,
            kind: "refund",
            amount: refundable,
            currency,
            reference: "Refund of outstanding credit",
            idempotencyKey: `refund:order:${loaded.order.id}:v${loaded.order.version}`,
            createdBy,
          });
        }
        break;
      }
      case "notify":
        await notifyOrderParty(tx, loaded, effect.to, effect.template, options.reason);
        break;
      case "startDelivery":
      case "pauseDelivery":
        // Serving follows line item status, which the verb stores; ad servers read it from there.
        break;
    }
  }
  if (shortfalls.length > 0) {
    throw new InsufficientInventory(
      shortfalls,
      "Not enough inventory is left for some days and countries. Nothing was reserved.",
    );
  }
  return { overbooked };
}

/** Stores the line item statuses the machine decided, stamping cancellations. */
export async function saveLineItemStatuses(
  tx: Transaction,
  ctx: Ctx,
  loaded: LoadedOrder,
  next: LineItemSnapshot[],
  cancelReason?: string,
) {
  for (const li of next) {
    const before = loaded.lineItems.find((x) => x.id === li.id);
    if (!before || before.status === li.status) continue;
    const canceled = li.status === "canceled";
    await tx
      .update(lineItems)
      .set({
        status: li.status,
        ...(canceled ? { canceledAt: ctx.now, cancelReason: cancelReason ?? null } : {}),
      })
      .where(eq(lineItems.id, li.id));
  }
}
