import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { inventoryDays } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makeZone } from "@/test/fixtures/catalog";
import { generateInventory } from "./generate-inventory";
import { setCapacity } from "./set-capacity";

const stored = (tx: Transaction, zoneId: number) =>
  tx
    .select({ country: inventoryDays.country, day: inventoryDays.day, capacity: inventoryDays.capacity })
    .from(inventoryDays)
    .where(eq(inventoryDays.zoneId, zoneId))
    .orderBy(asc(inventoryDays.country), asc(inventoryDays.day));

describe("generateInventory", () => {
  it("gives each country its share of the monthly impressions per day (cpm and cpc)", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx, {
        pricingModel: "cpc",
        monthlyImpressions: 3_000_000,
        countryShares: { US: 0.5, ca: 0.35, GB: 0.15, FR: 0 },
      });
      expect(await generateInventory(tx, zone, { from: "2030-01-31", days: 2 })).toEqual({ created: 6 });
      expect(await stored(tx, zone.id)).toEqual([
        { country: "CA", day: "2030-01-31", capacity: 35_000 },
        { country: "CA", day: "2030-02-01", capacity: 35_000 },
        { country: "GB", day: "2030-01-31", capacity: 15_000 },
        { country: "GB", day: "2030-02-01", capacity: 15_000 },
        { country: "US", day: "2030-01-31", capacity: 50_000 },
        { country: "US", day: "2030-02-01", capacity: 50_000 },
      ]);
    });
  });

  it("rounds a daily share to the nearest impression", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx, {
        monthlyImpressions: 1_000,
        countryShares: { US: 0.35, CA: 0.001 },
      });
      await generateInventory(tx, zone, { from: "2030-01-01", days: 1 });
      // 350 / 30 = 11.67; 1 / 30 = 0.03
      expect((await stored(tx, zone.id)).map((r) => [r.country, r.capacity])).toEqual([
        ["CA", 0],
        ["US", 12],
      ]);
    });
  });

  it("sells one sponsorship per country-day on a cpd zone", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx, {
        pricingModel: "cpd",
        monthlyImpressions: 900_000,
        countryShares: { US: 0.9, CA: 0.1 },
      });
      await generateInventory(tx, zone, { from: "2030-01-01", days: 3 });
      expect((await stored(tx, zone.id)).map((r) => r.capacity)).toEqual([1, 1, 1, 1, 1, 1]);
    });
  });

  it("leaves existing days alone, so it can run again to extend the calendar", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx, { monthlyImpressions: 300_000, countryShares: { US: 1 } });
      await setCapacity(tx, { zoneId: zone.id, country: "US", day: "2030-01-02", capacity: 7 });
      expect(await generateInventory(tx, zone, { from: "2030-01-01", days: 3 })).toEqual({ created: 2 });
      expect(await generateInventory(tx, zone, { from: "2030-01-01", days: 4 })).toEqual({ created: 1 });
      expect((await stored(tx, zone.id)).map((r) => r.capacity)).toEqual([10_000, 7, 10_000, 10_000]);
    });
  });

  it("creates nothing for a zone without traffic shares", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx, { monthlyImpressions: 300_000, countryShares: {} });
      expect(await generateInventory(tx, zone, { from: "2030-01-01", days: 30 })).toEqual({ created: 0 });
    });
  });

  it.each([
    [{ from: "2030-01-01", days: 0 }, "days"],
    [{ from: "2030-01-01", days: 10_000 }, "days"],
    [{ from: "soon", days: 3 }, "from"],
  ])("refuses %o naming %s", async (range, field) => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(tx, { countryShares: { US: 1 } });
      await expect(generateInventory(tx, zone, range)).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { [field]: [expect.any(String)] },
      });
    });
  });
});
