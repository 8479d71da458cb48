import type { Transaction } from "@/db";
import { ledgerEntries, lineItems, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { InsufficientInventory, type Shortfall } from "@/lib/core/errors";
import { planReservation } from "@/lib/inventory/plan-reservation";
import { reserveInventory } from "@/lib/inventory/reserve-inventory";
import type { PricedLineItem } from "./price-line-items";
import { recordOrderEvent } from "./record-order-event";
import type { OrderStatus } from "./types";

type NewOrder = {
  publisherId: number;
  currency: string;
  advertiserId: number;
  propertyId: number | null;
  name: string;
  source: "manual" | "self_serve" | "api" | "recurring";
  status: Extract<OrderStatus, "draft" | "pending_review" | "quote_requested" | "approved">;
  salesManagerId?: number | null;
  prepayRequired?: boolean;
  brief?: string | null;
  duplicatedFrom?: number | null;
  /** The recurring schedule whose period this order is. */
  recurringScheduleId?: number | null;
  lineItems: PricedLineItem[];
  eventPayload?: Record<string, unknown>;
};

/**
 * Writes a new order with its line items. An order born approved (manual orders,
 * duplicates by staff) reserves its inventory now, all or nothing, and is charged.
 */
export async function insertOrder(tx: Transaction, ctx: Ctx, input: NewOrder) {
  const total = input.lineItems.reduce((sum, li) => sum + li.amount, 0);
  const starts = input.lineItems.map((li) => li.startDate).sort();
  const ends = input.lineItems.map((li) => li.endDate).sort();
  const userId = ctx.actor.kind === "staff" || ctx.actor.kind === "advertiser" ? ctx.actor.userId : null;
  const [order] = await tx
    .insert(orders)
    .values({
      publisherId: input.publisherId,
      advertiserId: input.advertiserId,
      propertyId: input.propertyId,
      name: input.name,
      source: input.source,
      status: input.status,
      currency: input.currency,
      total,
      net: total,
      prepayRequired: input.prepayRequired ?? false,
      brief: input.brief ?? null,
      startDate: starts[0] ?? null,
      endDate: ends.at(-1) ?? null,
      salesManagerId: input.salesManagerId ?? null,
      createdBy: userId,
      duplicatedFrom: input.duplicatedFrom ?? null,
      recurringScheduleId: input.recurringScheduleId ?? null,
      createdAt: ctx.now,
      lastActivityAt: ctx.now,
    })
    .returning();
  const approved = input.status === "approved";
  const items = input.lineItems.length
    ? await tx
        .insert(lineItems)
        .values(
          input.lineItems.map((li) => ({
            orderId: order.id,
            publisherId: input.publisherId,
            zoneId: li.zoneId,
            countries: li.countries,
            startDate: li.startDate,
            endDate: li.endDate,
            model: li.zone.pricingModel,
            rate: li.rate,
            quantity: li.quantity,
            amount: li.amount,
            priority: li.priority,
            status: approved ? ("ready" as const) : ("pending" as const),
          })),
        )
        .returning()
    : [];
  if (approved) {
    const shortfalls: Shortfall[] = [];
    for (const li of items) {
      try {
        await reserveInventory(tx, li.id, planReservation(li), { overbook: false });
      } catch (error) {
        if (!(error instanceof InsufficientInventory)) throw error;
        shortfalls.push(...error.shortfalls);
      }
    }
    if (shortfalls.length) {
      throw new InsufficientInventory(
        shortfalls,
        "Not enough inventory for the chosen days and countries. Nothing was created.",
      );
    }
    if (total > 0) {
      await tx.insert(ledgerEntries).values({
        publisherId: input.publisherId,
        orderId: order.id,
        kind: "charge",
        amount: total,
        currency: input.currency,
        reference: `Order #${order.id}`,
        idempotencyKey: `charge:order:${order.id}`,
        createdBy: userId,
      });
    }
  }
  await recordOrderEvent(tx, {
    actor: ctx.actor,
    publisherId: input.publisherId,
    orderId: order.id,
    type: input.duplicatedFrom ? "duplicated" : "created",
    to: input.status,
    payload: {
      ...(input.duplicatedFrom ? { duplicatedFrom: input.duplicatedFrom } : {}),
      ...input.eventPayload,
    },
    at: ctx.now,
  });
  return { order, lineItems: items };
}
