import { and, eq, like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { ledgerEntries, orderEvents, outboxEmails } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { driver, ready } from "@/test/db";
import { type Desk, makeDesk, makePendingOrder, removeDesk, testNow } from "@/test/fixtures/orders";
import { runOrderAction } from "./run-order-action";

const onPostgres = driver() === "pg";
if (!onPostgres) {
  console.log(
    "skipped: concurrent refunds need PostgreSQL (PGlite is one connection); set DATABASE_URL to run them",
  );
}

/** Four people press "Refund credit" at once, each on their own connection. */
async function fourRefunds(desk: Desk, orderId: number) {
  const results = await Promise.allSettled(
    [1, 2, 3, 4].map(() =>
      runOrderAction(makeCtx(desk.admin, { now: testNow }), { orderId, action: "refund" }),
    ),
  );
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  for (const r of refused) expect(r.reason).toBeInstanceOf(Conflict);
  const events = await db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "refund")));
  const emails = await db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.orderId, orderId), like(outboxEmails.subject, "Refund issued%")));
  const refunds = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orderId, orderId), eq(ledgerEntries.kind, "refund")));
  return {
    succeeded: results.length - refused.length,
    events: events.length,
    emails: emails.length,
    refunds,
  };
}

/** A canceled order, committed: charged, paid `paid`, its undelivered value credited. */
async function canceledOrder(desk: Desk, paid: number) {
  const { order } = await db.transaction((tx) =>
    makePendingOrder(tx, desk, [{ quantity: 1000 }], "approved"),
  );
  if (paid > 0) {
    await db.insert(ledgerEntries).values({
      publisherId: desk.publisher.id,
      orderId: order.id,
      kind: "payment",
      amount: paid,
      currency: "USD",
      reference: "Card payment",
    });
  }
  await runOrderAction(makeCtx(desk.admin, { now: testNow }), { orderId: order.id, action: "cancel" });
  return order;
}

describe.skipIf(!onPostgres)("four refunds of the same order at once (PostgreSQL)", () => {
  let desk: Desk | undefined;

  afterAll(async () => {
    if (desk) await removeDesk(db, desk);
  });

  it("refund the credit exactly once: one ledger refund, one event, one email", async () => {
    await ready();
    desk = await db.transaction((tx) => makeDesk(tx));
    const order = await canceledOrder(desk, 1000);
    const owed = (await ledgerTotals(db, order.id)).refundable;
    expect(owed).toBe(1000);

    const outcome = await fourRefunds(desk, order.id);
    expect(outcome).toMatchObject({ succeeded: 1, events: 1, emails: 1 });
    expect(outcome.refunds.map((r) => r.amount)).toEqual([owed]);
    expect(await ledgerTotals(db, order.id)).toMatchObject({ refunded: owed, balanceDue: 0, refundable: 0 });
  });

  it("with nothing to refund, all four are refused and nothing is written", async () => {
    await ready();
    desk ??= await db.transaction((tx) => makeDesk(tx));
    const order = await canceledOrder(desk, 0);
    expect(await fourRefunds(desk, order.id)).toEqual({ succeeded: 0, events: 0, emails: 0, refunds: [] });
  });
});
