import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { deliveryDaily, lineItems, uncountedHits } from "@/db/schema";
import { ready } from "@/test/db";
import { lineItemTotals } from "@/test/fixtures/delivery";
import { makeTrackedLineItem, makeTrackingPublisher, type TrackingPublisher } from "@/test/fixtures/tracking";
import { type BatchInfo, type BatchWriter, DeliveryBatcher, TrackingClosed } from "./delivery-batcher";
import { ServingCache } from "./serving-cache";

// A fixed clock: 2030-06-15 12:00 UTC.
const now = () => Date.parse("2030-06-15T12:00:00Z");
const day = "2030-06-15";

let fx: TrackingPublisher;
const caches: ServingCache[] = [];

function batcher(options: { write?: BatchWriter; maxDelayMs?: number; maxPending?: number } = {}) {
  const cache = new ServingCache();
  caches.push(cache);
  const batches: BatchInfo[] = [];
  const b = new DeliveryBatcher({ cache, now, onBatch: (info) => batches.push(info), ...options });
  return { batcher: b, cache, batches };
}

async function delivery(lineItemId: number) {
  return db
    .select({
      day: deliveryDaily.day,
      source: deliveryDaily.source,
      impressions: deliveryDaily.impressions,
      clicks: deliveryDaily.clicks,
      conversions: deliveryDaily.conversions,
    })
    .from(deliveryDaily)
    .where(eq(deliveryDaily.lineItemId, lineItemId))
    .orderBy(deliveryDaily.source);
}

const delivered = (lineItemId: number) => lineItemTotals(db, lineItemId);

beforeAll(async () => {
  await ready();
  fx = await makeTrackingPublisher(db);
});

afterAll(async () => {
  for (const cache of caches) cache.close();
  await fx?.remove();
});

describe("DeliveryBatcher", () => {
  it("writes 200 concurrent hits in a handful of statements, counted exactly", async () => {
    const a = await makeTrackedLineItem(db, fx);
    const b = await makeTrackedLineItem(db, fx);
    const { batcher: batch, batches } = batcher();
    const hits = Array.from({ length: 200 }, (_, i) => {
      const { lineItemId, creativeId } = i % 2 === 0 ? a : b;
      const kind = i % 10 < 6 ? "impression" : i % 10 < 9 ? "click" : "conversion";
      return batch.record({ kind, lineItemId, creativeId });
    });
    const results = await Promise.all(hits);
    expect(results.every((r) => r.counted)).toBe(true);
    expect(batch.statements).toBeGreaterThanOrEqual(1);
    expect(batch.statements).toBeLessThanOrEqual(3);
    expect(batches.reduce((n, info) => n + info.hits, 0)).toBe(200);

    // Of every 10 hits (i % 10): 0–5 impressions, 6–8 clicks, 9 a conversion; even i to a, odd i to b.
    expect(await delivery(a.lineItemId)).toEqual([
      { day, source: "pixel", impressions: 60, clicks: 0, conversions: 0 },
      { day, source: "click", impressions: 0, clicks: 40, conversions: 0 },
    ]);
    expect(await delivery(b.lineItemId)).toEqual([
      { day, source: "pixel", impressions: 60, clicks: 0, conversions: 20 },
      { day, source: "click", impressions: 0, clicks: 20, conversions: 0 },
    ]);
    expect(await delivered(a.lineItemId)).toEqual({ impressions: 60, clicks: 40 });
    expect(await delivered(b.lineItemId)).toEqual({ impressions: 60, clicks: 20 });

    // A later batch adds to the same rows.
    await batch.record({ kind: "impression", lineItemId: a.lineItemId, creativeId: a.creativeId });
    expect((await delivery(a.lineItemId))[0].impressions).toBe(61);
    expect(await delivered(a.lineItemId)).toEqual({ impressions: 61, clicks: 40 });
  });

  it("records hits on line items that are not serving as not counted, with the reason", async () => {
    const cases = [
      [{ status: "paused" }, "paused"],
      [{ status: "canceled" }, "canceled"],
      [{ status: "completed" }, "completed"],
      [{ startDate: "2030-06-16" }, "not_started"],
      [{ status: "ready" }, "not_started"],
      [{ endDate: "2030-06-14", startDate: "2030-06-01" }, "ended"],
      [{ orderStatus: "approved", status: "ready" }, "order_not_live"],
      [{ orderStatus: "paused", status: "paused" }, "paused"],
      [{ reviewStatus: "pending" }, "creative_pending"],
      [{ reviewStatus: "rejected" }, "creative_rejected"],
      [{ status: "paused", reviewStatus: "rejected" }, "paused"],
    ] as const;
    const items = [];
    for (const [overrides] of cases) items.push(await makeTrackedLineItem(db, fx, overrides));
    const { batcher: batch } = batcher();
    const results = await Promise.all(
      items.flatMap(({ lineItemId, creativeId }) => [
        batch.record({ kind: "impression", lineItemId, creativeId }),
        batch.record({ kind: "impression", lineItemId, creativeId }),
        batch.record({ kind: "click", lineItemId, creativeId }),
        batch.record({ kind: "conversion", lineItemId, creativeId }),
      ]),
    );
    expect(results.every((r) => !r.counted)).toBe(true);
    const ids = items.map((i) => i.lineItemId);
    const rows = await db
      .select({
        lineItemId: uncountedHits.lineItemId,
        day: uncountedHits.day,
        reason: uncountedHits.reason,
        impressions: uncountedHits.impressions,
        clicks: uncountedHits.clicks,
      })
      .from(uncountedHits)
      .where(inArray(uncountedHits.lineItemId, ids));
    expect(rows.sort((x, y) => x.lineItemId - y.lineItemId)).toEqual(
      items.map(({ lineItemId }, i) => ({ lineItemId, day, reason: cases[i][1], impressions: 2, clicks: 1 })),
    );
    expect(await db.select().from(deliveryDaily).where(inArray(deliveryDaily.lineItemId, ids))).toEqual([]);
    for (const id of ids) expect(await delivered(id)).toEqual({ impressions: 0, clicks: 0 });
  });

  it("counts on the publisher's calendar day", async () => {
    const kiritimati = await makeTrackingPublisher(db, { timezone: "Pacific/Kiritimati" });
    try {
      // 12:00 UTC on 2030-06-15 is already 2030-06-16 at UTC+14.
      const item = await makeTrackedLineItem(db, kiritimati, {
        startDate: "2030-06-16",
        endDate: "2030-06-16",
      });
      const { batcher: batch } = batcher();
      expect(
        await batch.record({ kind: "impression", lineItemId: item.lineItemId, creativeId: item.creativeId }),
      ).toEqual({
        counted: true,
      });
      expect(await delivery(item.lineItemId)).toMatchObject([{ day: "2030-06-16", impressions: 1 }]);
    } finally {
      await kiritimati.remove();
    }
  });

  it("follows a change of state within a refresh", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { batcher: batch, cache } = batcher();
    expect(
      await batch.record({ kind: "impression", lineItemId: item.lineItemId, creativeId: item.creativeId }),
    ).toEqual({
      counted: true,
    });
    await db.update(lineItems).set({ status: "paused" }).where(eq(lineItems.id, item.lineItemId));
    await cache.refresh();
    expect(
      await batch.record({ kind: "impression", lineItemId: item.lineItemId, creativeId: item.creativeId }),
    ).toEqual({
      counted: false,
      reason: "paused",
    });
    expect(await delivered(item.lineItemId)).toEqual({ impressions: 1, clicks: 0 });
  });

  it("writes nothing for a line item that does not exist", async () => {
    const { batcher: batch } = batcher();
    expect(
      await batch.record({ kind: "impression", lineItemId: 2_000_000_000, creativeId: 2_000_000_000 }),
    ).toEqual({
      counted: false,
      reason: "unknown",
    });
    expect(batch.statements).toBe(0);
  });

  it("writes at once when maxPending hits wait, without waiting for the delay", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { batcher: batch, cache } = batcher({ maxDelayMs: 60_000, maxPending: 10 });
    await Promise.all([cache.lineItem(item.lineItemId), cache.creative(item.creativeId)]);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        batch.record({ kind: "click", lineItemId: item.lineItemId, creativeId: item.creativeId }),
      ),
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(batch.statements).toBe(1);
    expect(await delivered(item.lineItemId)).toEqual({ impressions: 0, clicks: 10 });
  });

  it("fails every waiting hit when its batch cannot be written, and acknowledges none", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const down = () => Promise.reject(new Error("database down"));
    const { batcher: batch } = batcher({ write: down });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        batch.record({ kind: "impression", lineItemId: item.lineItemId, creativeId: item.creativeId }),
      ),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(await delivered(item.lineItemId)).toEqual({ impressions: 0, clicks: 0 });
    await batch.close();
  });

  it("close() commits every accepted hit, then refuses new ones", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { batcher: batch } = batcher({ maxDelayMs: 60_000 });
    const settled: unknown[] = [];
    const hits = Array.from({ length: 50 }, () =>
      batch
        .record({ kind: "impression", lineItemId: item.lineItemId, creativeId: item.creativeId })
        .then((r) => settled.push(r)),
    );
    await batch.close();
    expect(settled).toHaveLength(50);
    await Promise.all(hits);
    expect(await delivered(item.lineItemId)).toEqual({ impressions: 50, clicks: 0 });
    expect(
      await db
        .select({ impressions: deliveryDaily.impressions })
        .from(deliveryDaily)
        .where(and(eq(deliveryDaily.lineItemId, item.lineItemId), eq(deliveryDaily.day, day))),
    ).toEqual([{ impressions: 50 }]);
    await expect(
      batch.record({ kind: "impression", lineItemId: item.lineItemId, creativeId: item.creativeId }),
    ).rejects.toBeInstanceOf(TrackingClosed);
  });
});
