import { describe, expect, it } from "vitest";
import { inRollback } from "@/test/db";
import { makeZone } from "@/test/fixtures/catalog";
import { addLineItem, makeOrder } from "@/test/fixtures/orders";
import { getAvailability } from "./get-availability";
import { reserveInventory } from "./reserve-inventory";
import { setCapacity } from "./set-capacity";

describe("setCapacity", () => {
  it("creates a missing day, raises and lowers it down to what is reserved", async () => {
    await inRollback(async (tx) => {
      const { zone, publisher } = await makeZone(tx);
      const day = { zoneId: zone.id, country: "us", day: "2030-05-01" };
      expect(await setCapacity(tx, { ...day, capacity: 500 })).toEqual({ capacity: 500, reserved: 0 });

      const { order } = await makeOrder(tx, publisher.id);
      const lineItem = await addLineItem(tx, order, zone.id);
      await reserveInventory(
        tx,
        lineItem.id,
        [{ zoneId: zone.id, country: "US", day: "2030-05-01", units: 300 }],
        {
          overbook: false,
        },
      );
      expect(await setCapacity(tx, { ...day, capacity: 800 })).toEqual({ capacity: 800, reserved: 300 });
      expect(await setCapacity(tx, { ...day, capacity: 300 })).toEqual({ capacity: 300, reserved: 300 });
    });
  });

  it("refuses a capacity below what is reserved, naming capacity, and keeps the old one", async () => {
    await inRollback(async (tx) => {
      const { zone, publisher } = await makeZone(tx);
      const day = { zoneId: zone.id, country: "US", day: "2030-05-01" };
      await setCapacity(tx, { ...day, capacity: 1_500 });
      const { order } = await makeOrder(tx, publisher.id);
      const lineItem = await addLineItem(tx, order, zone.id);
      await reserveInventory(tx, lineItem.id, [{ ...day, units: 1_200 }], { overbook: false });

      await expect(setCapacity(tx, { ...day, capacity: 1_199 })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { capacity: [expect.stringContaining("1,200 units are already reserved")] },
      });
      const { days } = await getAvailability(tx, {
        zoneId: zone.id,
        countries: ["US"],
        from: day.day,
        to: day.day,
      });
      expect(days[0].byCountry.US).toEqual({ capacity: 1_500, reserved: 1_200, available: 300 });
    });
  });

  it.each([
    [{ capacity: -1 }, "capacity"],
    [{ capacity: 2.5 }, "capacity"],
    [{ day: "2030-02-30" }, "day"],
    [{ country: "USA" }, "country"],
  ])("refuses %o naming %s", async (override, field) => {
    await inRollback(async (tx) => {
      await expect(
        setCapacity(tx, { zoneId: 1, country: "US", day: "2030-05-01", capacity: 10, ...override }),
      ).rejects.toMatchObject({ code: "invalid", fieldErrors: { [field]: [expect.any(String)] } });
    });
  });
});
