import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { adZones, inventoryDays } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makeZone } from "@/test/fixtures/catalog";
import { addLineItem, ctxFor, makeDesk, makeOrder } from "@/test/fixtures/orders";
import { makeStaff } from "@/test/fixtures/tenants";
import { editCapacity } from "./edit-capacity";
import { reserveInventory } from "./reserve-inventory";

const cell = async (tx: Transaction, zoneId: number, country: string, day: string) =>
  (
    await tx
      .select({ capacity: inventoryDays.capacity, reserved: inventoryDays.reserved })
      .from(inventoryDays)
      .where(
        and(eq(inventoryDays.zoneId, zoneId), eq(inventoryDays.country, country), eq(inventoryDays.day, day)),
      )
  )[0];

describe("editCapacity", () => {
  it("sets a range of days for chosen countries, as a number or a percentage of the estimate", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      await tx.update(inventoryDays).set({ capacity: 1000 }).where(eq(inventoryDays.zoneId, desk.cpm.id));
      const ctx = ctxFor(desk.sales, tx);
      const range = { zoneId: desk.cpm.id, from: "2030-01-10", to: "2030-01-12" };
      const result = await editCapacity(ctx, { ...range, countries: ["US"], mode: "absolute", value: "250" });
      expect(result).toMatchObject({ days: 3, countries: ["US"], cells: 3 });
      expect(await cell(tx, desk.cpm.id, "US", "2030-01-11")).toEqual({ capacity: 250, reserved: 0 });
      expect(await cell(tx, desk.cpm.id, "GB", "2030-01-11")).toEqual({ capacity: 1000, reserved: 0 });
      expect(await cell(tx, desk.cpm.id, "US", "2030-01-13")).toEqual({ capacity: 1000, reserved: 0 });

      // The desk zone has no estimate; with one, 50% is half the estimated day in every country.
      await tx.update(adZones).set({ monthlyImpressions: 30_000 }).where(eq(adZones.id, desk.cpm.id));
      await editCapacity(ctx, { ...range, mode: "percent", value: 50 });
      expect(await cell(tx, desk.cpm.id, "US", "2030-01-10")).toEqual({ capacity: 300, reserved: 0 });
      expect(await cell(tx, desk.cpm.id, "GB", "2030-01-10")).toEqual({ capacity: 200, reserved: 0 });
    });
  });

  it("refuses to go below what is reserved, listing the days and by how much, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makeOrder(tx, desk.publisher.id);
      const lineItem = await addLineItem(tx, order, desk.cpm.id);
      await reserveInventory(
        tx,
        lineItem.id,
        [{ zoneId: desk.cpm.id, country: "US", day: "2030-01-11", units: 700 }],
        {
          overbook: false,
        },
      );
      const attempt = editCapacity(ctxFor(desk.admin, tx), {
        zoneId: desk.cpm.id,
        from: "2030-01-10",
        to: "2030-01-12",
        mode: "absolute",
        value: 500,
      });
      await expect(attempt).rejects.toMatchObject({
        status: 422,
        fieldErrors: { value: [expect.stringContaining("2030-01-11 US: 200 below the 700 reserved")] },
      });
      expect(await cell(tx, desk.cpm.id, "US", "2030-01-10")).toEqual({ capacity: 1000, reserved: 0 });
      expect(await cell(tx, desk.cpm.id, "GB", "2030-01-12")).toEqual({ capacity: 1000, reserved: 0 });
    });
  });

  it("refuses viewers and another publisher's zone", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const other = await makeZone(tx);
      const theirs = await makeStaff(tx, other.publisher.id, "owner");
      const input = { zoneId: desk.cpm.id, from: "2030-01-10", to: "2030-01-10", mode: "absolute", value: 1 };
      await expect(editCapacity(ctxFor(desk.viewer, tx), input)).rejects.toMatchObject({ status: 403 });
      await expect(editCapacity(ctxFor(theirs, tx), input)).rejects.toMatchObject({ status: 404 });
      expect(await cell(tx, desk.cpm.id, "US", "2030-01-10")).toEqual({ capacity: 1000, reserved: 0 });
    });
  });
});
