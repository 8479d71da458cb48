import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { changeRequests, ledgerEntries, lineItems } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { driver, ready } from "@/test/db";
import { type Desk, makeDesk, makePendingOrder, removeDesk, testNow } from "@/test/fixtures/orders";
import { acceptChangeRequest } from "./accept-change-request";
import { proposeChange } from "./propose-change";

const onPostgres = driver() === "pg";
if (!onPostgres) {
  console.log(
    "skipped: concurrent accepts need PostgreSQL (PGlite is one connection); set DATABASE_URL to run them",
  );
}

describe.skipIf(!onPostgres)("concurrent accepts of one change request (PostgreSQL)", () => {
  let desk: Desk | undefined;

  afterAll(async () => {
    if (desk) await removeDesk(db, desk);
  });

  it("one accept wins; the others are refused and the difference is charged once", async () => {
    await ready();
    desk = await db.transaction((tx) => makeDesk(tx, { capacity: 1000 }));
    const { order, lineItems: items } = await db.transaction((tx) =>
      makePendingOrder(tx, desk!, [{ quantity: 1000 }], "approved"),
    );
    const { changeRequestId } = await proposeChange(makeCtx(desk.advertiserActor, { now: testNow }), {
      orderId: order.id,
      version: order.version,
      changes: [{ lineItemId: items[0].id, quantity: 1500 }],
    });
    const results = await Promise.allSettled(
      [desk.admin, desk.sales, desk.admin, desk.sales, desk.admin].map((actor) =>
        acceptChangeRequest(makeCtx(actor, { now: testNow }), { changeRequestId }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const loss of lost) {
      expect(loss.reason).toBeInstanceOf(Conflict);
      expect(loss.reason.message).toMatch(/already accepted/);
    }
    const [li] = await db.select().from(lineItems).where(eq(lineItems.id, items[0].id));
    expect(li.quantity).toBe(1500);
    const charges = await db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id));
    expect(charges.map((c) => c.amount).sort()).toEqual([1000, 500]);
    const [request] = await db.select().from(changeRequests).where(eq(changeRequests.id, changeRequestId));
    expect(request.status).toBe("accepted");
  });
});
