import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { inventoryDays, reservations } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makeStockedZone } from "@/test/fixtures/inventory";
import { releaseReservations } from "./release-reservations";
import { reserveInventory } from "./reserve-inventory";

async function setup(tx: Transaction) {
  const { zone, first, second, plan } = await makeStockedZone(tx);
  const reserved = async () =>
    (
      await tx
        .select({ reserved: inventoryDays.reserved })
        .from(inventoryDays)
        .where(eq(inventoryDays.zoneId, zone.id))
        .orderBy(asc(inventoryDays.country), asc(inventoryDays.day))
    ).map((r) => r.reserved);
  const heldDays = async (ids: number[]) =>
    (
      await tx
        .select({ day: reservations.day })
        .from(reservations)
        .where(inArray(reservations.lineItemId, ids))
        .orderBy(asc(reservations.day))
    ).map((r) => r.day);
  return { zone, first, second, plan, reserved, heldDays };
}

describe("releaseReservations", () => {
  it("gives back the units from a day on and keeps the days already used", async () => {
    await inRollback(async (tx) => {
      const { first, plan, reserved, heldDays } = await setup(tx);
      await reserveInventory(tx, first.id, plan(150), { overbook: false });

      expect(await releaseReservations(tx, [first.id], { fromDay: "2030-01-02" })).toBe(100);
      //                      CA ×3        US ×3
      expect(await reserved()).toEqual([0, 0, 0, 50, 0, 0]);
      expect(await heldDays([first.id])).toEqual(["2030-01-01"]);
    });
  });

  it("releases several line items sharing the same days at once", async () => {
    await inRollback(async (tx) => {
      const { first, second, plan, reserved, heldDays } = await setup(tx);
      await reserveInventory(tx, first.id, plan(150, ["US", "CA"]), { overbook: false });
      await reserveInventory(tx, second.id, plan(90), { overbook: false });

      expect(await releaseReservations(tx, [first.id, second.id, first.id], { fromDay: "2030-01-01" })).toBe(
        240,
      );
      expect(await reserved()).toEqual([0, 0, 0, 0, 0, 0]);
      expect(await heldDays([first.id, second.id])).toEqual([]);
    });
  });

  it("makes released inventory bookable again", async () => {
    await inRollback(async (tx) => {
      const { first, second, plan } = await setup(tx);
      await reserveInventory(tx, first.id, plan(300), { overbook: false });
      await expect(reserveInventory(tx, second.id, plan(300), { overbook: false })).rejects.toMatchObject({
        code: "insufficient_inventory",
      });
      await releaseReservations(tx, [first.id], { fromDay: "2030-01-01" });
      await expect(reserveInventory(tx, second.id, plan(300), { overbook: false })).resolves.toEqual({
        overbooked: [],
      });
    });
  });

  it("drops overbooked units without handing them back to inventory", async () => {
    await inRollback(async (tx) => {
      const { first, second, plan, reserved } = await setup(tx);
      await reserveInventory(tx, first.id, plan(240), { overbook: false });
      await reserveInventory(tx, second.id, plan(90), { overbook: true });
      expect(await reserved()).toEqual([0, 0, 0, 100, 100, 100]);

      expect(await releaseReservations(tx, [second.id], { fromDay: "2030-01-01" })).toBe(60);
      expect(await reserved()).toEqual([0, 0, 0, 80, 80, 80]);
    });
  });

  it("returns 0 when there is nothing to release", async () => {
    await inRollback(async (tx) => {
      const { first, plan } = await setup(tx);
      expect(await releaseReservations(tx, [], { fromDay: "2030-01-01" })).toBe(0);
      expect(await releaseReservations(tx, [first.id], { fromDay: "2030-01-01" })).toBe(0);
      await reserveInventory(tx, first.id, plan(150), { overbook: false });
      expect(await releaseReservations(tx, [first.id], { fromDay: "2030-01-04" })).toBe(0);
    });
  });
});
