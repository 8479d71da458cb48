import { describe, expect, it } from "vitest";
import { makePublicCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { makeZone, stockInventory } from "@/test/fixtures/catalog";
import { zoneAvailability } from "./zone-availability";

describe("the booking calendar's days", () => {
  it("closes blackout days, days inside the lead time and beyond the window, saying why", async () => {
    await inRollback(async (tx) => {
      const { zone } = await makeZone(
        tx,
        {
          countryShares: { US: 1 },
          leadDays: 2,
          maxWindowDays: 8,
          blackoutDays: ["2030-01-05"],
        },
        { publisher: { timezone: "UTC" } },
      );
      await stockInventory(tx, zone.id, ["US"], "2030-01-01", "2030-01-12", 100);
      const ctx = makePublicCtx(null, { db: tx, now: new Date("2030-01-01T12:00:00Z") });

      const { days } = await zoneAvailability(ctx, { zoneId: zone.id, from: "2030-01-01", to: "2030-01-10" });

      const closed = Object.fromEntries(days.map((d) => [d.day, "closed" in d ? d.closed : null]));
      expect(closed).toEqual({
        "2030-01-01": "booked at least 2 days ahead",
        "2030-01-02": "booked at least 2 days ahead",
        "2030-01-03": null,
        "2030-01-04": null,
        "2030-01-05": "not sold this day",
        "2030-01-06": null,
        "2030-01-07": null,
        "2030-01-08": null,
        "2030-01-09": null,
        "2030-01-10": "beyond the booking window",
      });
      const jan5 = days.find((d) => d.day === "2030-01-05");
      expect(jan5).toMatchObject({ available: 0, soldOut: true });
      expect(days.find((d) => d.day === "2030-01-04")).toMatchObject({ available: 100, soldOut: false });
    });
  });
});
