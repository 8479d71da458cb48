import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { inventoryDays, lineItems, publishers, reservations, users } from "@/db/schema";
import { InsufficientInventory } from "@/lib/core/errors";
import { driver, ready } from "@/test/db";
import { makeZone, stockInventory } from "@/test/fixtures/catalog";
import { addLineItem, makeOrder } from "@/test/fixtures/orders";
import { planReservation } from "./plan-reservation";
import { reserveInventory } from "./reserve-inventory";

// PGlite is one connection: its transactions run one after another and can never race.
const onPostgres = driver() === "pg";
if (!onPostgres) console.log("skipped: concurrency needs PostgreSQL (set DATABASE_URL)");

const CAPACITY = 10;
const UNITS = 3;
const WORKERS = 50;
const countries = ["CA", "US"];
// Two overlapping ranges: workers on either side contend for 2030-01-02 and 2030-01-03.
const ranges = [
  { startDate: "2030-01-01", endDate: "2030-01-03" },
  { startDate: "2030-01-02", endDate: "2030-01-04" },
];

describe("reserveInventory under concurrency", () => {
  // Committed for real (other connections must see it), so removed again in afterAll.
  let created: { publisherId: number; userId: number; zoneId: number; orderId: number } | undefined;

  beforeAll(async () => {
    if (!onPostgres) return;
    await ready();
    const { zone, publisher } = await makeZone(db);
    await stockInventory(db, zone.id, countries, "2030-01-01", "2030-01-04", CAPACITY);
    const { order, user } = await makeOrder(db, publisher.id);
    created = { publisherId: publisher.id, userId: user.id, zoneId: zone.id, orderId: order.id };
  });

  afterAll(async () => {
    if (!created) return;
    const { publisherId, userId, orderId } = created;
    const items = db.select({ id: lineItems.id }).from(lineItems).where(eq(lineItems.orderId, orderId));
    await db.delete(reservations).where(inArray(reservations.lineItemId, items));
    await db.delete(lineItems).where(eq(lineItems.orderId, orderId));
    await db.delete(publishers).where(eq(publishers.id, publisherId));
    await db.delete(users).where(eq(users.id, userId));
  });

  it.skipIf(!onPostgres)(
    `${WORKERS} approvals racing for the same days never oversell and every loser is told why`,
    async () => {
      const { zoneId, orderId, publisherId } = created!;
      const plans = ranges.map((range) =>
        planReservation({
          zoneId,
          model: "cpm",
          quantity: UNITS * 3 * countries.length,
          countries,
          ...range,
        }),
      );

      const outcomes = await Promise.allSettled(
        Array.from({ length: WORKERS }, (_, i) =>
          db.transaction(async (tx) => {
            const lineItem = await addLineItem(tx, { id: orderId, publisherId }, zoneId, ranges[i % 2]);
            // Odd workers pass their rows backwards: the lock order must not depend on the caller.
            const rows = i % 4 < 2 ? plans[i % 2] : [...plans[i % 2]].reverse();
            await reserveInventory(tx, lineItem.id, rows, { overbook: false });
            return { range: i % 2, lineItemId: lineItem.id };
          }),
        ),
      );

      const winners = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
      const losers = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
      for (const reason of losers) expect(reason).toBeInstanceOf(InsufficientInventory);
      expect(winners.length).toBeGreaterThan(0);
      expect(winners.length + losers.length).toBe(WORKERS);

      const inventory = await db.select().from(inventoryDays).where(eq(inventoryDays.zoneId, zoneId));
      const held = await db.select().from(reservations).where(eq(reservations.zoneId, zoneId));
      for (const row of inventory) {
        const units = held
          .filter((r) => r.country === row.country && r.day === row.day)
          .reduce((sum, r) => sum + r.units, 0);
        const covering = winners.filter((w) =>
          plans[w.range].some((p) => p.country === row.country && p.day === row.day),
        );
        expect(row.reserved).toBeLessThanOrEqual(row.capacity);
        expect(row.reserved).toBe(units);
        expect(covering.length * UNITS).toBe(row.reserved);
        expect(covering.length * UNITS).toBeLessThanOrEqual(CAPACITY);
      }
      expect(held.every((r) => r.overbookedUnits === 0)).toBe(true);
      expect(new Set(held.map((r) => r.lineItemId))).toEqual(new Set(winners.map((w) => w.lineItemId)));
    },
  );
});
