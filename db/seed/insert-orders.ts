import { eq, inArray, sql } from "drizzle-orm";
import { addDays } from "@/lib/core/days";
import type { Queryable } from "../index";
import {
  creatives,
  deliveryDaily,
  inventoryDays,
  invoices,
  ledgerEntries,
  lineItemCreatives,
  lineItems,
  messages,
  orderEvents,
  orders,
  outboxEmails,
  payments,
  publishers,
  quotes,
  recurringSchedules,
  reservations,
  salesConfirmations,
} from "../schema";
import { insertInChunks, insertReturningIds } from "./batch";
import type { PublisherSpec } from "./catalog";
import { type CreativePlan, creativeForLine } from "./creatives";
import { atHour, maxDay } from "./dates";
import type { CatalogIds } from "./insert-catalog";
import type { InventoryBook, ZoneRef } from "./inventory";
import type { MoneyPlan } from "./money";
import type { OutboxPlan } from "./outbox";
import type { OrderPlan } from "./types";

export type OrderWorld = {
  specs: PublisherSpec[];
  zoneRefs: ZoneRef[];
  book: InventoryBook;
  orders: OrderPlan[];
  creatives: CreativePlan[];
  money: MoneyPlan[];
  outbox: OutboxPlan[];
  now: Date;
};

export async function insertInventory(db: Queryable, world: OrderWorld, ids: CatalogIds) {
  const rows = world.zoneRefs.flatMap((zone) => {
    const zoneId = ids.zones.get(zone.key) as number;
    return world.book.rowsFor(zone).map((row) => ({ zoneId, ...row }));
  });
  await insertInChunks(rows, (chunk) => db.insert(inventoryDays).values(chunk));
  return rows.length;
}

/** Orders and everything that hangs off them; returns the order ids in plan order. */
export async function insertOrders(db: Queryable, world: OrderWorld, ids: CatalogIds): Promise<number[]> {
  const user = (email: string | null) => {
    if (email === null) return null;
    const id = ids.users.get(email);
    if (id === undefined) throw new Error(`Seed refers to an unknown user ${email}`);
    return id;
  };
  const { specs } = world;

  const orderIds = await insertReturningIds(
    world.orders.map((order) => ({
      publisherId: ids.publishers[order.publisher],
      advertiserId: ids.advertisers[order.publisher][order.advertiser],
      propertyId: ids.properties[order.publisher][order.property],
      name: order.name,
      source: order.source,
      status: order.status,
      statusBeforeArchive: order.statusBeforeArchive,
      currency: specs[order.publisher].currency,
      total: order.total,
      prepayRequired: order.prepayRequired,
      paymentTermsDays: order.paymentTermsDays,
      partialPayments: order.partialPayments,
      brief: order.brief,
      startDate: order.startDate,
      endDate: order.endDate,
      salesManagerId: user(order.salesManager),
      createdBy: user(order.createdBy),
      version: 1,
      createdAt: order.createdAt,
      lastActivityAt: order.lastActivityAt,
      archivedAt: order.archivedAt,
    })),
    (chunk) => db.insert(orders).values(chunk).returning({ id: orders.id }),
  );

  const lines = world.orders.flatMap((order, o) => order.lines.map((line, l) => ({ order, o, line, l })));
  const lineIds = await insertReturningIds(
    lines.map(({ order, o, line }) => ({
      orderId: orderIds[o],
      publisherId: ids.publishers[order.publisher],
      zoneId: ids.zones.get(line.zone.key) as number,
      countries: line.countries,
      startDate: line.startDate,
      endDate: line.endDate,
      model: line.model,
      rate: line.rate,
      quantity: line.quantity,
      amount: line.amount,
      dailyCap: line.dailyCap,
      priority: line.priority,
      status: line.status,
      deliveredImpressions: line.deliveredImpressions,
      deliveredClicks: line.deliveredClicks,
      cancelReason: line.cancelReason,
      canceledAt: line.canceledAt,
      createdAt: order.createdAt,
    })),
    (chunk) => db.insert(lineItems).values(chunk).returning({ id: lineItems.id }),
  );
  const lineId = new Map(lines.map(({ o, l }, i) => [`${o}:${l}`, lineIds[i]]));

  await insertInChunks(
    lines.flatMap(({ line }, i) =>
      line.reservations.map((row) => ({
        lineItemId: lineIds[i],
        zoneId: ids.zones.get(line.zone.key) as number,
        ...row,
      })),
    ),
    (chunk) => db.insert(reservations).values(chunk),
  );
  await insertInChunks(
    lines.flatMap(({ line }, i) =>
      line.delivery.map((row) => ({ lineItemId: lineIds[i], source: "pixel" as const, ...row })),
    ),
    (chunk) => db.insert(deliveryDaily).values(chunk),
  );

  const creativeRow = (plan: CreativePlan, replacesId: number | null) => ({
    publisherId: ids.publishers[plan.publisher],
    advertiserId: ids.advertisers[plan.publisher][plan.advertiser],
    name: plan.name,
    kind: plan.kind,
    mimeType: plan.kind === "html" ? "text/html" : "text/plain",
    width: plan.width,
    height: plan.height,
    body: plan.body,
    clickUrl: plan.clickUrl,
    reviewStatus: plan.reviewStatus,
    reviewReason: plan.reviewReason,
    reviewedBy: user(plan.reviewedBy),
    reviewedAt: plan.reviewedAt,
    version: plan.version,
    replacesId,
    createdAt: plan.createdAt,
  });
  // Originals first, so replacements can point at them.
  const originals = world.creatives
    .map((plan, i) => ({ plan, i }))
    .filter(({ plan }) => plan.replaces === null);
  const replacements = world.creatives
    .map((plan, i) => ({ plan, i }))
    .filter(({ plan }) => plan.replaces !== null);
  const creativeId = new Map<number, number>();
  const originalIds = await insertReturningIds(
    originals.map(({ plan }) => creativeRow(plan, null)),
    (chunk) => db.insert(creatives).values(chunk).returning({ id: creatives.id }),
  );
  for (const [k, { i }] of originals.entries()) creativeId.set(i, originalIds[k]);
  const replacementIds = await insertReturningIds(
    replacements.map(({ plan }) => creativeRow(plan, creativeId.get(plan.replaces as number) as number)),
    (chunk) => db.insert(creatives).values(chunk).returning({ id: creatives.id }),
  );
  for (const [k, { i }] of replacements.entries()) creativeId.set(i, replacementIds[k]);
  await insertInChunks(
    lines.flatMap(({ order, line }, i) => {
      const index = creativeForLine(
        world.creatives,
        order.publisher,
        order.advertiser,
        line.zone.spec,
        line.creative,
      );
      return index < 0 ? [] : [{ lineItemId: lineIds[i], creativeId: creativeId.get(index) as number }];
    }),
    (chunk) => db.insert(lineItemCreatives).values(chunk),
  );

  await insertInChunks(
    world.orders.flatMap((order, o) =>
      order.events.map((event) => ({
        publisherId: ids.publishers[order.publisher],
        orderId: orderIds[o],
        actorKind: event.actor.kind,
        actorUserId: event.actor.kind === "user" ? user(event.actor.email) : null,
        type: event.type,
        fromStatus: event.from,
        toStatus: event.to,
        payload: event.payload,
        at: event.at,
      })),
    ),
    (chunk) => db.insert(orderEvents).values(chunk),
  );
  await insertInChunks(
    world.orders.flatMap((order, o) =>
      order.messages.map((message) => ({
        publisherId: ids.publishers[order.publisher],
        orderId: orderIds[o],
        authorUserId: user(message.author) as number,
        body: message.body,
        at: message.at,
      })),
    ),
    (chunk) => db.insert(messages).values(chunk),
  );
  await insertInChunks(
    world.orders.flatMap((order, o) =>
      order.quote
        ? [
            {
              publisherId: ids.publishers[order.publisher],
              orderId: orderIds[o],
              price: order.quote.price,
              plan: order.quote.plan,
              terms: order.quote.terms,
              expiresAt: order.quote.expiresAt,
              estimatedCompletion: order.quote.estimatedCompletion,
              status: order.quote.status,
              createdBy: user(order.quote.createdBy),
              createdAt: order.quote.createdAt,
            },
          ]
        : [],
    ),
    (chunk) => db.insert(quotes).values(chunk),
  );

  await insertMoney(db, world, ids, orderIds, lineId, user);
  await insertRecurring(db, world, ids, orderIds);
  await linkDuplicates(db, world, orderIds);

  await insertInChunks(
    world.outbox.map((mail) => ({
      publisherId: ids.publishers[mail.publisher],
      orderId: mail.order === null ? null : orderIds[mail.order],
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      status: mail.status,
      attempts: mail.attempts,
      lastError: mail.lastError,
      sentAt: mail.sentAt,
      createdAt: mail.createdAt,
    })),
    (chunk) => db.insert(outboxEmails).values(chunk),
  );
  return orderIds;
}

async function insertMoney(
  db: Queryable,
  world: OrderWorld,
  ids: CatalogIds,
  orderIds: number[],
  lineId: Map<string, number>,
  user: (email: string | null) => number | null,
) {
  for (const [p, plan] of world.money.entries()) {
    const publisherId = ids.publishers[p];
    const currency = world.specs[p].currency;
    const invoiceIds = await insertReturningIds(
      plan.invoices.map((invoice) => ({
        publisherId,
        number: invoice.number,
        orderId: orderIds[invoice.order],
        amount: invoice.amount,
        currency,
        status: invoice.status,
        dueDate: invoice.dueDate,
        issuedAt: invoice.issuedAt,
      })),
      (chunk) => db.insert(invoices).values(chunk).returning({ id: invoices.id }),
    );
    await insertInChunks(
      plan.invoices.flatMap((invoice, i) =>
        invoice.payments.map((payment) => ({
          publisherId,
          invoiceId: invoiceIds[i],
          amount: payment.amount,
          currency,
          paymentSystem: payment.paymentSystem,
          fee: payment.fee,
          fundsCredited: payment.fundsCredited,
          oneClick: payment.oneClick,
          status: payment.status,
          paymentBasisPoints: payment.basisPoints,
          idempotencyKey: payment.idempotencyKey,
          createdBy: user(payment.createdBy),
          createdAt: payment.createdAt,
        })),
      ),
      (chunk) => db.insert(payments).values(chunk),
    );
    await insertInChunks(
      plan.ledger.map((entry) => ({
        publisherId,
        orderId: orderIds[entry.order],
        lineItemId: entry.line === null ? null : (lineId.get(`${entry.order}:${entry.line}`) as number),
        kind: entry.kind,
        amount: entry.amount,
        currency,
        reference: entry.reference,
        idempotencyKey: entry.idempotencyKey,
        createdBy: user(entry.createdBy),
        createdAt: entry.createdAt,
      })),
      (chunk) => db.insert(ledgerEntries).values(chunk),
    );
    // A payment's ledger entry points at its payment, as the verbs write it: what an
    // invoice shows as paid, and what a payment has left to refund, are read through it.
    await db.execute(sql`
      update ${ledgerEntries} le set payment_id = p.id from ${payments} p
      where le.publisher_id = ${publisherId} and le.kind = 'payment' and le.payment_id is null
        and p.publisher_id = le.publisher_id and p.idempotency_key = le.idempotency_key`);
    await insertInChunks(
      plan.confirmations.map((confirmation) => ({
        publisherId,
        orderId: orderIds[confirmation.order],
        managerUserId: user(confirmation.manager),
        confirmedBy: user(confirmation.confirmedBy),
        confirmedAt: confirmation.confirmedAt,
      })),
      (chunk) => db.insert(salesConfirmations).values(chunk),
    );
    await db
      .update(publishers)
      .set({ nextInvoiceNumber: plan.invoices.length + 1 })
      .where(eq(publishers.id, publisherId));
  }
}

/** One schedule per publisher, owning all its recurring orders; the first is the template. */
async function insertRecurring(db: Queryable, world: OrderWorld, ids: CatalogIds, orderIds: number[]) {
  for (const [p, spec] of world.specs.entries()) {
    const recurring = world.orders
      .map((order, o) => ({ order, o }))
      .filter(({ order }) => order.publisher === p && order.source === "recurring");
    if (recurring.length === 0) continue;
    const paymentsTotal = Math.max(spec.recurring.paymentsTotal, recurring.length);
    const [schedule] = await db
      .insert(recurringSchedules)
      .values({
        publisherId: ids.publishers[p],
        templateOrderId: orderIds[recurring[0].o],
        interval: spec.recurring.interval,
        paymentsTotal,
        paymentsRemaining: paymentsTotal - recurring.length,
        // The next period's order is created (and charged) a few days before it starts.
        nextPaymentAt:
          spec.recurring.status === "active"
            ? atHour(addDays(maxDay(recurring.map(({ order }) => order.startDate)), 27), 9)
            : null,
        status: spec.recurring.status,
        attempts: spec.recurring.attempts,
        createdAt: recurring[0].order.createdAt,
      })
      .returning({ id: recurringSchedules.id });
    await db
      .update(orders)
      .set({ recurringScheduleId: schedule.id })
      .where(
        inArray(
          orders.id,
          recurring.map(({ o }) => orderIds[o]),
        ),
      );
  }
}

const zoneSet = (order: OrderPlan) =>
  order.lines
    .map((line) => line.zone.key)
    .sort()
    .join(",");

/** Some drafts and manual orders were made with "duplicate" from an earlier finished order. */
async function linkDuplicates(db: Queryable, world: OrderWorld, orderIds: number[]) {
  let linked = 0;
  for (const [o, order] of world.orders.entries()) {
    if (
      linked >= 6 ||
      !(order.status === "draft" || (order.source === "manual" && order.status === "approved"))
    )
      continue;
    const source = world.orders.findIndex(
      (earlier, e) =>
        e < o &&
        earlier.publisher === order.publisher &&
        earlier.advertiser === order.advertiser &&
        earlier.baseStatus === "completed" &&
        zoneSet(earlier) === zoneSet(order),
    );
    if (source < 0) continue;
    linked++;
    await db.update(orders).set({ duplicatedFrom: orderIds[source] }).where(eq(orders.id, orderIds[o]));
  }
}
