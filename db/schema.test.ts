import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inRollback } from "@/test/db";
import { adZones, inventoryDays, properties, publishers } from "./schema";

describe("schema", () => {
  it("refuses to reserve more inventory than a day's capacity", async () => {
    await inRollback(async (tx) => {
      const [pub] = await tx.insert(publishers).values({ slug: "acme", name: "Acme" }).returning();
      const [prop] = await tx.insert(properties).values({ publisherId: pub.id, name: "Site" }).returning();
      const [zone] = await tx
        .insert(adZones)
        .values({ publisherId: pub.id, propertyId: prop.id, name: "Top", pricingModel: "cpm", baseRate: 500 })
        .returning();
      await tx
        .insert(inventoryDays)
        .values({ zoneId: zone.id, country: "US", day: "2030-01-01", capacity: 100 });
      await expect(
        tx.transaction((sp) =>
          sp.execute(sql`update inventory_days set reserved = 101 where zone_id = ${zone.id}`),
        ),
      ).rejects.toMatchObject({ cause: { constraint: "inventory_reserved_within_capacity" } });
    });
  });
});
