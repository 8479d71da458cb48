import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { inventoryDays, reservations } from "@/db/schema";
import { InsufficientInventory } from "@/lib/core/errors";
import { inRollback } from "@/test/db";
import { makeZone, stockInventory } from "@/test/fixtures/catalog";
import { makeStockedZone, stockedSpan } from "@/test/fixtures/inventory";
import { addLineItem, makeOrder } from "@/test/fixtures/orders";
import { getAvailability } from "./get-availability";
import { planReservation } from "./plan-reservation";
import { reserveInventory } from "./reserve-inventory";

/** The stocked zone (see makeStockedZone), with readers of its inventory and of what a line item holds. */
async function setup(tx: Transaction) {
  const { zone, first, second, plan } = await makeStockedZone(tx);
  const inventory = () =>
    tx
      .select({ country: inventoryDays.country, day: inventoryDays.day, reserved: inventoryDays.reserved })
      .from(inventoryDays)
      .where(eq(inventoryDays.zoneId, zone.id))
      .orderBy(asc(inventoryDays.country), asc(inventoryDays.day));
  const held = (lineItemId: number) =>
    tx
      .select({
        country: reservations.country,
        day: reservations.day,
        units: reservations.units,
        overbookedUnits: reservations.overbookedUnits,
      })
      .from(reservations)
      .where(eq(reservations.lineItemId, lineItemId))
      .orderBy(asc(reservations.country), asc(reservations.day));
  return { zone, first, second, plan, inventory, held };
}

describe("reserveInventory", () => {
  it("holds the units and takes them off availability", async () => {
    await inRollback(async (tx) => {
      const { zone, first, plan, held } = await setup(tx);
      expect(await reserveInventory(tx, first.id, plan(150), { overbook: false })).toEqual({
        overbooked: [],
      });

      expect((await held(first.id)).map((r) => r.units)).toEqual([50, 50, 50]);
      const { days } = await getAvailability(tx, {
        zoneId: zone.id,
        countries: ["US", "CA"],
        from: stockedSpan.startDate,
        to: stockedSpan.endDate,
      });
      expect(days.map((d) => d.byCountry.US)).toEqual(
        Array(3).fill({ capacity: 100, reserved: 50, available: 50 }),
      );
      expect(days.map((d) => d.available)).toEqual([150, 150, 150]);
    });
  });

  it("refuses what does not fit, listing every short day and country, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const { zone, first, second, plan, inventory, held } = await setup(tx);
      await reserveInventory(
        tx,
        first.id,
        [{ zoneId: zone.id, country: "US", day: "2030-01-02", units: 80 }],
        {
          overbook: false,
        },
      );
      await tx
        .delete(inventoryDays)
        .where(
          and(
            eq(inventoryDays.zoneId, zone.id),
            eq(inventoryDays.country, "CA"),
            eq(inventoryDays.day, "2030-01-03"),
          ),
        );
      const before = await inventory();

      const attempt = reserveInventory(tx, second.id, plan(300, ["US", "CA"]), { overbook: false });
      await expect(attempt).rejects.toBeInstanceOf(InsufficientInventory);
      await expect(attempt).rejects.toMatchObject({
        code: "insufficient_inventory",
        shortfalls: [
          { day: "2030-01-03", country: "CA", requested: 50, available: 0 },
          { day: "2030-01-02", country: "US", requested: 50, available: 20 },
        ],
      });
      expect(await held(second.id)).toEqual([]);
      expect(await inventory()).toEqual(before);
    });
  });

  it("fills a day exactly to capacity", async () => {
    await inRollback(async (tx) => {
      const { first, plan, inventory } = await setup(tx);
      await reserveInventory(tx, first.id, plan(300), { overbook: false });
      expect((await inventory()).filter((r) => r.country === "US").map((r) => r.reserved)).toEqual([
        100, 100, 100,
      ]);
    });
  });

  it("reserving the same line item again is harmless and counts nothing twice", async () => {
    await inRollback(async (tx) => {
      const { first, plan, inventory, held } = await setup(tx);
      await reserveInventory(tx, first.id, plan(300), { overbook: false });
      const after = await inventory();
      // The day is now full with this line item's own units: re-approval must not see that as a shortfall.
      expect(await reserveInventory(tx, first.id, plan(300), { overbook: false })).toEqual({
        overbooked: [],
      });
      expect(await reserveInventory(tx, first.id, [...plan(300)].reverse(), { overbook: true })).toEqual({
        overbooked: [],
      });
      expect(await inventory()).toEqual(after);
      expect(await held(first.id)).toHaveLength(3);
    });
  });

  it("adds only the cells a line item does not hold yet", async () => {
    await inRollback(async (tx) => {
      const { first, plan, inventory } = await setup(tx);
      await reserveInventory(tx, first.id, plan(150, ["US"]), { overbook: false });
      await reserveInventory(tx, first.id, plan(300, ["US", "CA"]), { overbook: false });
      expect((await inventory()).map((r) => [r.country, r.reserved])).toEqual([
        ["CA", 50],
        ["CA", 50],
        ["CA", 50],
        ["US", 50],
        ["US", 50],
        ["US", 50],
      ]);
    });
  });

  it("with overbook, reserves what fits and records the rest as overbooked", async () => {
    await inRollback(async (tx) => {
      const { zone, first, second, plan, inventory, held } = await setup(tx);
      await reserveInventory(
        tx,
        first.id,
        [{ zoneId: zone.id, country: "US", day: "2030-01-02", units: 80 }],
        {
          overbook: false,
        },
      );
      const missing = { zoneId: zone.id, country: "DE", day: "2030-01-01", units: 40 };

      const result = await reserveInventory(tx, second.id, [...plan(150), missing], { overbook: true });

      expect(result.overbooked).toEqual([
        { day: "2030-01-01", country: "DE", requested: 40, available: 0 },
        { day: "2030-01-02", country: "US", requested: 50, available: 20 },
      ]);
      expect(await held(second.id)).toEqual([
        { country: "DE", day: "2030-01-01", units: 0, overbookedUnits: 40 },
        { country: "US", day: "2030-01-01", units: 50, overbookedUnits: 0 },
        { country: "US", day: "2030-01-02", units: 20, overbookedUnits: 30 },
        { country: "US", day: "2030-01-03", units: 50, overbookedUnits: 0 },
      ]);
      expect((await inventory()).filter((r) => r.country === "US").map((r) => r.reserved)).toEqual([
        50, 100, 50,
      ]);
    });
  });

  it("reserves nothing for an empty plan (cpc)", async () => {
    await inRollback(async (tx) => {
      const { first, held } = await setup(tx);
      expect(await reserveInventory(tx, first.id, [], { overbook: false })).toEqual({ overbooked: [] });
      expect(await held(first.id)).toEqual([]);
    });
  });

  it("refuses a plan with the same cell twice, which would count it twice", async () => {
    await inRollback(async (tx) => {
      const { first, plan } = await setup(tx);
      const rows = plan(150);
      await expect(reserveInventory(tx, first.id, [...rows, rows[0]], { overbook: false })).rejects.toThrow(
        /Duplicate/,
      );
    });
  });

  it("reserves a 90-day × 20-country line item in one go", async () => {
    await inRollback(async (tx) => {
      const { zone, publisher } = await makeZone(tx);
      const countries = "AT BE CA CH DE DK ES FI FR GB IE IT JP NL NO NZ PL PT SE US".split(" ");
      await stockInventory(tx, zone.id, countries, "2030-01-01", "2030-03-31", 1_000);
      const { order } = await makeOrder(tx, publisher.id);
      const lineItem = await addLineItem(tx, order, zone.id);
      const rows = planReservation({
        zoneId: zone.id,
        model: "cpm",
        quantity: 1_000_000,
        countries,
        startDate: "2030-01-01",
        endDate: "2030-03-31",
      });
      expect(rows).toHaveLength(1_800);
      await reserveInventory(tx, lineItem.id, rows, { overbook: false });
      const { days } = await getAvailability(tx, {
        zoneId: zone.id,
        countries,
        from: "2030-01-01",
        to: "2030-03-31",
      });
      expect(days.reduce((sum, d) => sum + 20_000 - d.available, 0)).toBe(1_000_000);
    });
  });
});
