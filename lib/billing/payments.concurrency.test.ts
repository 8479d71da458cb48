import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { invoices, payments } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { ledgerTotals } from "@/lib/money/ledger-totals";
import { driver, ready } from "@/test/db";
import { makeChargedOrder } from "@/test/fixtures/money";
import { type Desk, makeDesk, removeDesk, testNow } from "@/test/fixtures/orders";
import { recordPayment } from "./record-payment";
import { requestPayment } from "./request-payment";

const onPostgres = driver() === "pg";
if (!onPostgres) {
  console.log(
    "skipped: concurrent payments and invoice numbers need PostgreSQL (PGlite is one connection); set DATABASE_URL to run them",
  );
}

describe.skipIf(!onPostgres)("money at once on several connections (PostgreSQL)", () => {
  let desk: Desk | undefined;

  afterAll(async () => {
    if (desk) await removeDesk(db, desk);
  });

  it("numbers invoices of four orders requested at once 1 to 4, without gaps or duplicates", async () => {
    await ready();
    desk = await db.transaction((tx) => makeDesk(tx, { capacity: 10_000 }));
    const d = desk;
    const orders = await db.transaction(async (tx) => [
      await makeChargedOrder(tx, d),
      await makeChargedOrder(tx, d),
      await makeChargedOrder(tx, d),
      await makeChargedOrder(tx, d),
    ]);
    const issued = await Promise.all(
      orders.map((o) => requestPayment(makeCtx(d.sales, { now: testNow }), { orderId: o.id })),
    );
    expect(issued.map((i) => i.number).sort()).toEqual([1, 2, 3, 4]);
  });

  it("records one payment when the same form is submitted four times at once", async () => {
    const d = desk as Desk;
    const [invoice] = await db.select().from(invoices).where(eq(invoices.publisherId, d.publisher.id));
    const input = {
      invoiceId: invoice.id,
      amount: "4.00",
      paymentSystem: "Bank transfer",
      receivedOn: "2029-12-01",
      idempotencyKey: `concurrent-${invoice.id}`,
    };
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => recordPayment(makeCtx(d.sales, { now: testNow }), input)),
    );
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
    expect((await ledgerTotals(db, invoice.orderId)).paid).toBe(400);
  });
});
