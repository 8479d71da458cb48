import { describe, expect, it } from "vitest";
import { invitations } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { inRollback } from "@/test/db";
import { addProperty, addZone, stockInventory } from "@/test/fixtures/catalog";
import { addAdvertiser, makePublisher, makeStaff } from "@/test/fixtures/tenants";
import { getSetupChecklist } from "./get-setup-checklist";

const now = new Date("2030-01-01T12:00:00Z");

describe("the new desk's checklist", () => {
  it("ticks each step from what the desk has, and is complete when all are done", async () => {
    await inRollback(async (tx) => {
      const pub = await makePublisher(tx);
      const owner = await makeStaff(tx, pub.id, "owner");
      const ctx = makeCtx(owner, { db: tx, now });
      const done = async () =>
        Object.fromEntries((await getSetupChecklist(ctx)).steps.map((s) => [s.key, s.done]));

      expect(await done()).toEqual({
        property: false,
        zone: false,
        inventory: false,
        share: false,
        team: false,
      });
      const property = await addProperty(tx, pub.id);
      const zone = await addZone(tx, property);
      // Inventory that has already passed does not count: booking needs days ahead.
      await stockInventory(tx, zone.id, ["US"], "2029-12-01", "2029-12-31", 100);
      expect(await done()).toMatchObject({ property: true, zone: true, inventory: false });
      await stockInventory(tx, zone.id, ["US"], "2030-01-01", "2030-01-31", 100);
      await addAdvertiser(tx, pub.id);
      await tx.insert(invitations).values({
        publisherId: pub.id,
        email: "new@example.test",
        role: "viewer",
        tokenHash: "hash-for-checklist-test",
        expiresAt: now,
      });
      const checklist = await getSetupChecklist(ctx);
      expect(checklist.complete).toBe(true);
      expect(checklist.steps.find((s) => s.key === "share")?.href).toBe(`/book/${pub.slug}`);
    });
  });
});
