import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { orders } from "@/db/schema";
import { hasPermission } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Conflict, Forbidden } from "@/lib/core/errors";

import { reservedLineItemIds } from "@/lib/inventory/reserved-line-items";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import type { OrderAction } from "./actions";
import { blockedLineItems } from "./blocked-line-items";
import { carryOutEffects } from "./carry-out-effects";
import { eventDetails, touchedLineItems } from "./event-details";
import { getOrderForActorOrThrow, type LoadedOrder } from "./get-order-for-actor";
import { lineItemZones } from "./line-item-zones";
import { transition } from "./machine";
import { machineActor } from "./machine-actor";
import { orderSnapshot } from "./order-snapshot";
import { recordOrderEvent } from "./record-order-event";
import { refusalToError } from "./refusal-to-error";
import { pausingParty, saveLineItemStatuses } from "./save-line-item-statuses";

export type TransitionRequest = {
  orderId: number;
  action: OrderAction;
  /** The version the person saw; a different stored version means the order changed meanwhile. */
  expectedVersion?: number;
  overbook?: boolean;
  /** Extra facts for the events log. */
  payload?: Record<string, unknown>;
};

export const staleMessage =
  "This order changed since you opened it. Reload the page to see what changed, then try again.";

/**
 * The one path by which an order changes status: lock the order, ask the machine, carry
 * out its effects, store the result and log the event, all in one transaction.
 */
export async function applyOrderTransition(ctx: Ctx, request: TransitionRequest) {
  if (request.overbook && !hasPermission(ctx.actor, "overbook")) {
    throw new Forbidden("Overbooking needs the overbook permission.");
  }
  return ctx.db.transaction(async (tx) => {
    const loaded = await getOrderForActorOrThrow(tx, ctx.actor, request.orderId, { lock: true });
    if (request.expectedVersion !== undefined && request.expectedVersion !== loaded.order.version) {
      throw new Conflict(staleMessage);
    }
    return applyToLoadedOrder(tx, ctx, loaded, request);
  });
}

/** For verbs that already hold the locked order (e.g. approve after canceling some items). */
export async function applyToLoadedOrder(
  tx: Transaction,
  ctx: Ctx,
  loaded: LoadedOrder,
  request: TransitionRequest,
) {
  const { order } = loaded;
  const reserved = await reservedLineItemIds(
    tx,
    loaded.lineItems.map((li) => li.id),
  );
  const totals = await ledgerTotals(tx, order.id);
  const today = calendarDayIn(ctx.now, loaded.publisher.timezone);
  const blocked = await blockedLineItems(tx, loaded, { today, balanceDue: totals.balanceDue });
  const snapshot = orderSnapshot(loaded, ctx.now, reserved, totals, new Set(blocked.keys()));
  const result = transition(snapshot, request.action, machineActor(ctx.actor, order));
  if (!result.ok) throw refusalToError(result);

  const reason = request.action.type === "reject" ? request.action.reason : undefined;
  const zones = await lineItemZones(tx, loaded.lineItems);
  const { overbooked, booked } = await carryOutEffects(tx, ctx, loaded, result.effects, {
    overbook: request.overbook,
    reason,
  });
  await saveLineItemStatuses(tx, ctx, loaded, result.lineItems, reason);

  const archiving = request.action.type === "archive";
  const unarchiving = request.action.type === "unarchive";
  const [updated] = await tx
    .update(orders)
    .set({
      status: result.next,
      pausedBy: result.next === "paused" ? pausingParty(ctx) : null,
      statusBeforeArchive: archiving ? order.status : unarchiving ? null : order.statusBeforeArchive,
      archivedAt: archiving ? ctx.now : unarchiving ? null : order.archivedAt,
      version: sql`${orders.version} + 1`,
      lastActivityAt: ctx.now,
    })
    .where(eq(orders.id, order.id))
    .returning();

  await refreshOrderNet(tx, order.id);
  await recordOrderEvent(tx, {
    actor: ctx.actor,
    publisherId: order.publisherId,
    orderId: order.id,
    type: request.action.type,
    from: order.status,
    to: result.next,
    payload: {
      ...request.payload,
      ...eventDetails(touchedLineItems(loaded, result.lineItems, zones), booked),
      ...(reason ? { reason } : {}),
      ...(overbooked.length ? { overbooked } : {}),
    },
    at: ctx.now,
  });
  return { order: updated, effects: result.effects, overbooked };
}
