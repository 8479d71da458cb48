import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { inventoryDays, reservations } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { InsufficientInventory } from "@/lib/core/errors";
import { driver, ready } from "@/test/db";
import { type Desk, makeDesk, makePendingOrder, removeDesk, testNow } from "@/test/fixtures/orders";
import { approveOrder } from "./approve-order";

const onPostgres = driver() === "pg";
if (!onPostgres) {
  console.log(
    "skipped: concurrent approvals need PostgreSQL (PGlite is one connection); set DATABASE_URL to run them",
  );
}

describe.skipIf(!onPostgres)("50 concurrent approvals competing for the same zone-days (PostgreSQL)", () => {
  let desk: Desk | undefined;

  afterAll(async () => {
    if (desk) await removeDesk(db, desk);
  });

  it("never oversell, and every loser is told the inventory is insufficient", async () => {
    await ready();
    // Committed data: each approval runs in its own transaction on its own connection.
    desk = await db.transaction((tx) => makeDesk(tx, { capacity: 1000 }));
    const pending = await db.transaction(async (tx) => {
      const made = [];
      for (let i = 0; i < 50; i++) made.push(await makePendingOrder(tx, desk!, [{ quantity: 600 }]));
      return made;
    });
    const results = await Promise.allSettled(
      pending.map(({ order }) =>
        approveOrder(makeCtx(desk!.admin, { now: testNow }), {
          orderId: order.id,
          version: order.version,
          cancelLineItemIds: [],
          overbook: false,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    // 600 impressions over two days is 300 a day against 1,000 a day: exactly three fit.
    expect(won).toHaveLength(3);
    expect(lost).toHaveLength(47);
    for (const loss of lost) {
      expect(loss.reason).toBeInstanceOf(InsufficientInventory);
      expect(loss.reason.message).toContain("Nothing was reserved");
    }
    const rows = await db.select().from(inventoryDays).where(eq(inventoryDays.zoneId, desk.cpm.id));
    for (const row of rows) expect(row.reserved).toBeLessThanOrEqual(row.capacity);
    const [{ reserved }] = await db
      .select({ reserved: sql<string>`sum(${inventoryDays.reserved})` })
      .from(inventoryDays)
      .where(eq(inventoryDays.zoneId, desk.cpm.id));
    const [{ units }] = await db
      .select({ units: sql<string>`sum(${reservations.units})` })
      .from(reservations)
      .where(eq(reservations.zoneId, desk.cpm.id));
    expect(Number(reserved)).toBe(1800);
    expect(Number(units)).toBe(1800);
  });
});
