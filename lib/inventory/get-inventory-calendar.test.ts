import { describe, expect, it } from "vitest";
import { inRollback } from "@/test/db";
import { makeZone } from "@/test/fixtures/catalog";
import { addLineItem, ctxFor, makeDesk, makeOrder } from "@/test/fixtures/orders";
import { makeStaff } from "@/test/fixtures/tenants";
import { getPropertyOverview, getZoneCalendar } from "./get-inventory-calendar";
import { reserveInventory } from "./reserve-inventory";

const now = new Date("2030-01-10T12:00:00Z");

describe("the inventory calendar", () => {
  it("sums capacity and reserved per day, for all countries or one, and per zone of a property", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { order } = await makeOrder(tx, desk.publisher.id);
      const lineItem = await addLineItem(tx, order, desk.cpm.id);
      await reserveInventory(
        tx,
        lineItem.id,
        [{ zoneId: desk.cpm.id, country: "US", day: "2030-01-12", units: 400 }],
        {
          overbook: false,
        },
      );
      const ctx = ctxFor(desk.viewer, tx, now);
      const all = await getZoneCalendar(ctx, { zoneId: desk.cpm.id, months: 1 });
      expect(all.from).toBe("2030-01-01");
      expect(all.days.find((d) => d.day === "2030-01-12")).toEqual({
        day: "2030-01-12",
        capacity: 2000,
        reserved: 400,
      });
      expect(all.countries).toEqual(["GB", "US"]);
      const gb = await getZoneCalendar(ctx, { zoneId: desk.cpm.id, months: 1, country: "GB" });
      expect(gb.days.find((d) => d.day === "2030-01-12")).toEqual({
        day: "2030-01-12",
        capacity: 1000,
        reserved: 0,
      });

      const overview = await getPropertyOverview(ctx, { propertyId: desk.property.id, days: 7 });
      expect(overview.days[0]).toBe("2030-01-10");
      const leaderboard = overview.zones.find((z) => z.id === desk.cpm.id)!;
      expect(leaderboard.cells[2]).toEqual({ day: "2030-01-12", capacity: 2000, reserved: 400 });
    });
  });

  it("another publisher's zone or property is not found", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const other = await makeZone(tx);
      const outsider = ctxFor(await makeStaff(tx, other.publisher.id, "owner"), tx, now);
      await expect(getZoneCalendar(outsider, { zoneId: desk.cpm.id })).rejects.toMatchObject({ status: 404 });
      await expect(getPropertyOverview(outsider, { propertyId: desk.property.id })).rejects.toMatchObject({
        status: 404,
      });
    });
  });
});
