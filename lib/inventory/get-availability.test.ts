import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { inventoryDays } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makeZone, stockInventory } from "@/test/fixtures/catalog";
import { getAvailability } from "./get-availability";
import { setCapacity } from "./set-capacity";

/** Sets `reserved` directly: these tests are about reading, not about how units get reserved. */
const markReserved = (
  tx: Transaction,
  zoneId: number,
  reserved: number,
  cell: { country?: string; day?: string } = {},
) =>
  tx
    .update(inventoryDays)
    .set({ reserved })
    .where(
      and(
        eq(inventoryDays.zoneId, zoneId),
        cell.country ? eq(inventoryDays.country, cell.country) : undefined,
        cell.day ? eq(inventoryDays.day, cell.day) : undefined,
      ),
    );

describe("getAvailability", () => {
  it("shows capacity − reserved per day and country, and a day with no inventory as sold out", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx);
      const other = await makeZone(tx);
      await stockInventory(tx, zone.id, ["US", "CA"], "2030-01-01", "2030-01-02", 100);
      await stockInventory(tx, other.zone.id, ["US", "CA"], "2030-01-03", "2030-01-03", 999);
      await markReserved(tx, zone.id, 100, { country: "US", day: "2030-01-02" });
      await markReserved(tx, zone.id, 30, { country: "CA", day: "2030-01-01" });

      const { days } = await getAvailability(tx, {
        zoneId: zone.id,
        countries: ["us", "CA"],
        from: "2030-01-01",
        to: "2030-01-03",
      });

      expect(days).toEqual([
        {
          day: "2030-01-01",
          byCountry: {
            CA: { capacity: 100, reserved: 30, available: 70 },
            US: { capacity: 100, reserved: 0, available: 100 },
          },
          available: 170,
          soldOut: false,
        },
        {
          day: "2030-01-02",
          byCountry: {
            CA: { capacity: 100, reserved: 0, available: 100 },
            US: { capacity: 100, reserved: 100, available: 0 },
          },
          available: 100,
          soldOut: false,
        },
        {
          day: "2030-01-03",
          byCountry: {
            CA: { capacity: 0, reserved: 0, available: 0 },
            US: { capacity: 0, reserved: 0, available: 0 },
          },
          available: 0,
          soldOut: true,
        },
      ]);
    });
  });

  it("is sold out when every requested country is full", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx, { pricingModel: "cpd" });
      await stockInventory(tx, zone.id, ["US", "GB"], "2030-01-01", "2030-01-01", 1);
      await markReserved(tx, zone.id, 1);
      await setCapacity(tx, { zoneId: zone.id, country: "DE", day: "2030-01-01", capacity: 1 });
      const query = (countries: string[]) =>
        getAvailability(tx, { zoneId: zone.id, countries, from: "2030-01-01", to: "2030-01-01" });

      expect((await query(["US", "GB"])).days[0]).toMatchObject({ available: 0, soldOut: true });
      expect((await query(["US", "DE"])).days[0]).toMatchObject({ available: 1, soldOut: false });
    });
  });

  it.each([
    [{ from: "2030-01-02", to: "2030-01-01" }, "to"],
    [{ from: "January", to: "2030-01-01" }, "from"],
    [{ countries: [] }, "countries"],
  ])("refuses %o naming %s", async (override, field) => {
    await inRollback(async (tx) => {
      await expect(
        getAvailability(tx, {
          zoneId: 1,
          countries: ["US"],
          from: "2030-01-01",
          to: "2030-01-02",
          ...override,
        }),
      ).rejects.toMatchObject({ code: "invalid", fieldErrors: { [field]: [expect.any(String)] } });
    });
  });
});
