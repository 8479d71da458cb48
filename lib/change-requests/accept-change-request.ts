import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db";
import { changeRequests, ledgerEntries, lineItems, orders } from "@/db/schema";
import { type AdvertiserActor, hasPermission, type StaffActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { calendarDayIn } from "@/lib/core/days";
import { Conflict, Forbidden, InsufficientInventory, NotFound, type Shortfall } from "@/lib/core/errors";
import { requireWritingPerson } from "@/lib/core/require-actor";
import { checkbox, id } from "@/lib/core/validation";
import { notifyByEmail } from "@/lib/feedback/notify-feedback";
import { planReservation } from "@/lib/inventory/plan-reservation";
import { releaseReservations } from "@/lib/inventory/release-reservations";
import { reserveInventory } from "@/lib/inventory/reserve-inventory";
import { reservedLineItemIds } from "@/lib/inventory/reserved-line-items";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { creditable } from "@/lib/money/owed";
import { refreshOrderNet } from "@/lib/money/refresh-order-net";
import { getOrderForActorOrThrow, orderScope } from "@/lib/orders/get-order-for-actor";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { isOpen, type PlannedChange, planChange, type StoredProposal } from "./proposal";
import { sideOf } from "./propose-change";

export const acceptChangeRequestInput = z.object({
  changeRequestId: id(),
  /** Book what does not fit beyond capacity (the overbook permission). */
  overbook: checkbox(),
});
export type acceptChangeRequestInput = z.input<typeof acceptChangeRequestInput>;

export const staleProposalMessage =
  "This proposal is stale: the order changed after it was made. Propose the change again from the order as it is now.";

/** A change request the actor may see, by id: tenant (and the advertiser's own orders) in the WHERE clause. */
export async function findChangeRequest(
  tx: Transaction,
  actor: StaffActor | AdvertiserActor,
  changeRequestId: number,
  { lock = false } = {},
) {
  const query = tx
    .select({ request: changeRequests })
    .from(changeRequests)
    .innerJoin(orders, eq(orders.id, changeRequests.orderId))
    .where(
      and(
        eq(changeRequests.id, changeRequestId),
        eq(changeRequests.publisherId, actor.publisherId),
        orderScope(actor),
      ),
    );
  const [row] = lock ? await query.for("update", { of: changeRequests }) : await query;
  if (!row) throw new NotFound(`Change request #${changeRequestId}`);
  return row.request;
}

/**
 * The other side accepts a proposal, and the order changes in one transaction: the order
 * is locked and must still be at the version the proposal was made against; the proposal
 * is re-checked and re-priced; reservations of changed or removed line items are released
 * from today and the new terms reserved, all or nothing with the same shortfall report as
 * approval; an order already charged is charged the difference or credited it (never more
 * than was charged); the order's total, dates, net and version move on and the events log
 * keeps the change with every line item's before and after.
 */
export async function acceptChangeRequest(ctx: Ctx, input: acceptChangeRequestInput) {
  const actor = requireWritingPerson(ctx.actor);
  const data = acceptChangeRequestInput.parse(input);
  if (data.overbook && !hasPermission(actor, "overbook")) {
    throw new Forbidden("Overbooking needs the overbook permission.");
  }
  return ctx.db.transaction(async (tx) => {
    const found = await findChangeRequest(tx, actor, data.changeRequestId);
    // The order first, then the request: every writer takes the order lock before anything else.
    const loaded = await getOrderForActorOrThrow(tx, actor, found.orderId, { lock: true });
    const request = await findChangeRequest(tx, actor, data.changeRequestId, { lock: true });
    if (request.status !== "open") {
      throw new Conflict(`Change request #${request.id} is already ${request.status}.`);
    }
    if (request.side === sideOf(actor)) {
      throw new Forbidden("The other side accepts a proposal: you cannot accept your own.");
    }
    const { order } = loaded;
    if (order.version !== request.baseVersion) throw new Conflict(staleProposalMessage);
    const today = calendarDayIn(ctx.now, loaded.publisher.timezone);
    const plan = await planChange(tx, loaded, request.proposal as StoredProposal, today);

    const holdsInventory = order.status !== "pending_review";
    const reserved = await reservedLineItemIds(
      tx,
      loaded.lineItems.map((li) => li.id),
    );
    const releasing = [...plan.changed.map((c) => c.lineItem), ...plan.removed]
      .map((li) => li.id)
      .filter((lineItemId) => reserved.has(lineItemId));
    if (releasing.length) await releaseReservations(tx, releasing, { fromDay: today });

    for (const { lineItem, after } of plan.changed) {
      await tx
        .update(lineItems)
        .set({
          countries: after.countries,
          startDate: after.startDate,
          endDate: after.endDate,
          quantity: after.quantity,
          rate: after.rate,
          amount: after.amount,
        })
        .where(and(eq(lineItems.id, lineItem.id), eq(lineItems.orderId, order.id)));
    }
    if (plan.removed.length) {
      await tx
        .update(lineItems)
        .set({
          status: "canceled",
          canceledAt: ctx.now,
          cancelReason: `Removed by change request #${request.id}`,
        })
        .where(
          and(
            eq(lineItems.orderId, order.id),
            inArray(
              lineItems.id,
              plan.removed.map((li) => li.id),
            ),
          ),
        );
    }
    const added = plan.added.length
      ? await tx
          .insert(lineItems)
          .values(
            plan.added.map((li) => ({
              orderId: order.id,
              publisherId: order.publisherId,
              zoneId: li.zoneId,
              countries: li.countries,
              startDate: li.startDate,
              endDate: li.endDate,
              model: li.zone.pricingModel,
              rate: li.rate,
              quantity: li.quantity,
              amount: li.amount,
              priority: li.priority,
              status: holdsInventory ? ("ready" as const) : ("pending" as const),
            })),
          )
          .returning()
      : [];

    if (holdsInventory) await reserveAll(tx, plan, added, { overbook: data.overbook });
    const money = await bookDifference(tx, ctx, actor, plan, request.id, order);

    const current = await tx
      .select({
        status: lineItems.status,
        amount: lineItems.amount,
        start: lineItems.startDate,
        end: lineItems.endDate,
      })
      .from(lineItems)
      .where(eq(lineItems.orderId, order.id));
    const kept = current.filter((li) => li.status !== "canceled");
    const [updated] = await tx
      .update(orders)
      .set({
        total: kept.reduce((sum, li) => sum + li.amount, 0),
        startDate: kept.map((li) => li.start).sort()[0] ?? order.startDate,
        endDate:
          kept
            .map((li) => li.end)
            .sort()
            .at(-1) ?? order.endDate,
        version: sql`${orders.version} + 1`,
        lastActivityAt: ctx.now,
      })
      .where(eq(orders.id, order.id))
      .returning();
    await refreshOrderNet(tx, order.id);
    await tx
      .update(changeRequests)
      .set({ status: "accepted", answeredBy: actor.userId, answeredAt: ctx.now })
      .where(and(eq(changeRequests.id, request.id), eq(changeRequests.publisherId, order.publisherId)));
    await recordOrderEvent(tx, {
      actor,
      publisherId: order.publisherId,
      orderId: order.id,
      type: "change_accepted",
      payload: {
        changeRequestId: request.id,
        fromVersion: order.version,
        toVersion: updated.version,
        currency: order.currency,
        amountBefore: plan.amountBefore,
        amountAfter: plan.amountAfter,
        changed: plan.changed.map((c) => ({ lineItemId: c.lineItem.id, before: c.before, after: c.after })),
        ...(plan.removed.length ? { removedLineItemIds: plan.removed.map((li) => li.id) } : {}),
        ...(added.length ? { addedLineItemIds: added.map((li) => li.id) } : {}),
        ...money,
      },
      at: ctx.now,
    });
    await notifyByEmail(
      tx,
      loaded,
      request.side === "publisher" ? "staff" : "advertiser",
      {
        subject: `Change accepted on order #${order.id} ${order.name}`,
        lines: [
          `Your proposed change #${request.id} to order #${order.id} “${order.name}” was accepted.`,
          "",
        ],
      },
      "changes",
      "changes",
    );
    return { order: updated, changeRequestId: request.id, ...money };
  });
}

/** Reserves the new terms of every changed or added line item that takes inventory, reporting every shortfall at once. */
async function reserveAll(
  tx: Transaction,
  plan: PlannedChange,
  added: (typeof lineItems.$inferSelect)[],
  { overbook }: { overbook: boolean },
) {
  const targets = [...plan.changed.map((c) => ({ ...c.lineItem, ...c.after })), ...added].filter(
    (li) => li.model !== "cpc" && isOpen(li),
  );
  const shortfalls: Shortfall[] = [];
  for (const li of targets) {
    try {
      await reserveInventory(tx, li.id, planReservation(li), { overbook });
    } catch (error) {
      if (!(error instanceof InsufficientInventory)) throw error;
      shortfalls.push(...error.shortfalls);
    }
  }
  if (shortfalls.length) {
    throw new InsufficientInventory(
      shortfalls,
      "Not enough inventory is left for some days and countries. Nothing was changed.",
    );
  }
}

/**
 * Once an order is charged, the ledger follows its value: a dearer order is charged the
 * difference, a cheaper one credited it, never more than was charged and not yet credited.
 * Before approval nothing was charged, and approval charges the new value.
 */
async function bookDifference(
  tx: Transaction,
  ctx: Ctx,
  actor: StaffActor | AdvertiserActor,
  plan: PlannedChange,
  changeRequestId: number,
  order: typeof orders.$inferSelect,
): Promise<{ charged: number; credited: number }> {
  const totals = await ledgerTotals(tx, order.id);
  const difference = plan.amountAfter - plan.amountBefore;
  if (totals.charged <= 0 || difference === 0) return { charged: 0, credited: 0 };
  const amount = difference > 0 ? difference : Math.min(-difference, creditable(totals));
  if (amount <= 0) return { charged: 0, credited: 0 };
  const kind = difference > 0 ? ("charge" as const) : ("credit_note" as const);
  await tx.insert(ledgerEntries).values({
    publisherId: order.publisherId,
    orderId: order.id,
    kind,
    amount,
    currency: order.currency,
    reference: `Change request #${changeRequestId} on order #${order.id}`,
    idempotencyKey: `${kind === "charge" ? "charge" : "credit"}:change-request:${changeRequestId}`,
    createdBy: actor.kind === "staff" ? actor.userId : null,
    createdAt: ctx.now,
  });
  return kind === "charge" ? { charged: amount, credited: 0 } : { charged: 0, credited: amount };
}
