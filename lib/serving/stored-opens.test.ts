import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newsletterOpens } from "@/db/schema";
import { inRollback } from "@/test/db";
import { makeTrackedLineItem, makeTrackingPublisher } from "@/test/fixtures/tracking";
import { StoredOpens } from "./stored-opens";

const hour = 3_600_000;

describe("newsletter opens in the database", () => {
  it("recalls an open before and after it is written, forgets it after a day, and prunes day-old rows", () =>
    inRollback(async (tx) => {
      const fx = await makeTrackingPublisher(tx);
      const item = await makeTrackedLineItem(tx, fx);
      const shown = { lineItemId: item.lineItemId, creativeId: item.creativeId };
      const now = Date.parse("2030-01-10T12:00:00Z");
      await tx
        .insert(newsletterOpens)
        .values({ zoneId: fx.zone.id, openId: "old", ...shown, openedAt: new Date(now - 30 * hour) });

      const store = new StoredOpens(tx, 60_000);
      store.remember(fx.zone.id, "sub-1", shown, now);
      // Not written yet (the timer is a minute away), yet this instance already knows it.
      expect(await store.recall(fx.zone.id, "sub-1", now)).toEqual(shown);
      await store.flush();

      const another = new StoredOpens(tx);
      expect(await another.recall(fx.zone.id, "sub-1", now + hour)).toEqual(shown);
      expect(await another.recall(fx.zone.id, "sub-1", now + 25 * hour)).toBeNull();
      expect(await another.recall(fx.zone.id, "sub-2", now)).toBeNull();
      const rows = await tx.select().from(newsletterOpens).where(eq(newsletterOpens.zoneId, fx.zone.id));
      expect(rows.map((r) => r.openId)).toEqual(["sub-1"]);
    }));

  it("a second open with the same id replaces the first (the recipient opened the email again)", () =>
    inRollback(async (tx) => {
      const fx = await makeTrackingPublisher(tx);
      const a = await makeTrackedLineItem(tx, fx);
      const b = await makeTrackedLineItem(tx, fx);
      const now = Date.parse("2030-01-10T12:00:00Z");
      const store = new StoredOpens(tx, 60_000);
      store.remember(fx.zone.id, "sub-1", { lineItemId: a.lineItemId, creativeId: a.creativeId }, now);
      await store.flush();
      store.remember(fx.zone.id, "sub-1", { lineItemId: b.lineItemId, creativeId: b.creativeId }, now + 1000);
      await store.flush();
      expect(await new StoredOpens(tx).recall(fx.zone.id, "sub-1", now + 2000)).toEqual({
        lineItemId: b.lineItemId,
        creativeId: b.creativeId,
      });
    }));
});
