import type { Transaction } from "@/db";
import { ledgerEntries } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Conflict, InsufficientInventory, type Shortfall } from "@/lib/core/errors";

import { planReservation } from "@/lib/inventory/plan-reservation";
import { releaseReservations } from "@/lib/inventory/release-reservations";
import { reserveInventory } from "@/lib/inventory/reserve-inventory";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { creditable } from "@/lib/money/owed";
import type { EventBooked } from "./event-details";
import type { LoadedOrder } from "./get-order-for-actor";
import { refundRefusals } from "./labels";
import { notifyOrderParty } from "./notify-order-party";
import type { Effect } from "./types";

/**
 * Books the refund of what is owed, never more than the locked ledger says is refundable.
 * The idempotency key names the refund by how much was refunded before it, so two refunds
 * of the same credit collide on the ledger's unique key even without the order lock;
 * throwing rolls back the event and email along with it.
 */
async function bookRefund(tx: Transaction, loaded: LoadedOrder, requested: number, createdBy: number | null) {
  const totals = await ledgerTotals(tx, loaded.order.id);
  const amount = Math.min(requested, totals.refundable);
  if (amount <= 0) throw new Conflict(refundRefusals.nothingOwed);
  const booked = await tx
    .insert(ledgerEntries)
    .values({
      publisherId: loaded.order.publisherId,
      orderId: loaded.order.id,
      kind: "refund",
      amount,
      currency: loaded.order.currency,
      reference: "Refund of outstanding credit",
      idempotencyKey: `refund:order:${loaded.order.id}:after:${totals.refunded}`,
      createdBy,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  if (booked.length === 0) throw new Conflict(refundRefusals.alreadyRefunded);
  return amount;
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
): Promise<{ overbooked: Shortfall[]; booked: EventBooked }> {
  const byId = new Map(loaded.lineItems.map((li) => [li.id, li]));
  const today = calendarDayIn(ctx.now, loaded.publisher.timezone);
  const overbooked: Shortfall[] = [];
  const shortfalls: Shortfall[] = [];
  const currency = loaded.order.currency;
  const createdBy = ctx.actor.kind === "staff" ? ctx.actor.userId : null;
  // What was really booked, for the events log: a retried charge or credit books nothing.
  const booked: Required<EventBooked> = {
    currency,
    reserved: [],
    released: [],
    charged: 0,
    credits: [],
    refunded: 0,
  };

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
            booked.reserved.push({ lineItemId: li.id, quantity: li.quantity, model: li.model });
          } catch (error) {
            if (!(error instanceof InsufficientInventory)) throw error;
            shortfalls.push(...error.shortfalls);
          }
        }
        break;
      case "release":
        await releaseReservations(tx, effect.lineItemIds, { fromDay: today });
        booked.released.push(...effect.lineItemIds);
        break;
      case "charge": {
        // One charge per order: a retried approval books nothing twice.
        const charged = await tx
          .insert(ledgerEntries)
          .values({
            publisherId: loaded.order.publisherId,
            orderId: loaded.order.id,
            kind: "charge",
            amount: effect.amount,
            currency,
            reference: `Order #${loaded.order.id}`,
            idempotencyKey: `charge:order:${loaded.order.id}`,
            createdBy,
          })
          .onConflictDoNothing()
          .returning({ amount: ledgerEntries.amount });
        booked.charged += charged[0]?.amount ?? 0;
        break;
      }
      case "creditNote": {
        // The machine already capped the note; the locked ledger has the final word.
        const amount = Math.min(effect.amount, creditable(await ledgerTotals(tx, loaded.order.id)));
        if (amount <= 0) break;
        const credited = await tx
          .insert(ledgerEntries)
          .values({
            publisherId: loaded.order.publisherId,
            orderId: loaded.order.id,
            lineItemId: effect.lineItemId,
            kind: "credit_note",
            amount,
            currency,
            reference: `Undelivered value of line item #${effect.lineItemId}`,
            idempotencyKey: `credit:line-item:${effect.lineItemId}`,
            createdBy,
          })
          .onConflictDoNothing()
          .returning({ amount: ledgerEntries.amount });
        if (credited[0]) booked.credits.push({ lineItemId: effect.lineItemId, amount: credited[0].amount });
        break;
      }
      case "refund":
        booked.refunded += await bookRefund(tx, loaded, effect.amount, createdBy);
        break;
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
  return { overbooked, booked };
}
