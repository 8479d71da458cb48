import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { deliveryDaily, uncountedHits } from "@/db/schema";
import { makeCtx } from "@/lib/core/context";
import { logger } from "@/lib/core/logger";
import { rejectCreative } from "@/lib/creatives/reject-creative";
import { type BatchWriter, DeliveryBatcher } from "@/lib/tracking/delivery-batcher";
import { ServingCache } from "@/lib/tracking/serving-cache";
import { trackingUrls } from "@/lib/tracking/token";
import { ready } from "@/test/db";
import { lineItemTotals } from "@/test/fixtures/delivery";
import { makeStaff } from "@/test/fixtures/tenants";
import { makeTrackedLineItem, makeTrackingPublisher, type TrackingPublisher } from "@/test/fixtures/tracking";
import { transparentGif } from "./pixel-response";
import { createTrackingHandler } from "./tracking-handler";

type Running = { base: string; server: Server; batcher: DeliveryBatcher; cache: ServingCache };
const running: Running[] = [];
let fx: TrackingPublisher;

async function start(options: { write?: BatchWriter; maxDelayMs?: number } = {}): Promise<Running> {
  const cache = new ServingCache();
  const batcher = new DeliveryBatcher({ cache, ...options });
  const handle = createTrackingHandler({ batcher, cache });
  const server = createServer((req, res) => {
    if (handle(req, res)) return;
    res.writeHead(418).end("not tracking");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const r = { base: `http://127.0.0.1:${port}`, server, batcher, cache };
  running.push(r);
  return r;
}

async function stop(r: Running) {
  await new Promise((resolve) => r.server.close(resolve));
  r.server.closeAllConnections();
  await r.batcher.close();
  r.cache.close();
}

async function counts(lineItemId: number) {
  const [d] = await db
    .select({
      impressions: sum(deliveryDaily.impressions).mapWith(Number),
      clicks: sum(deliveryDaily.clicks).mapWith(Number),
      conversions: sum(deliveryDaily.conversions).mapWith(Number),
    })
    .from(deliveryDaily)
    .where(eq(deliveryDaily.lineItemId, lineItemId));
  const li = await lineItemTotals(db, lineItemId);
  return {
    impressions: d.impressions ?? 0,
    clicks: d.clicks ?? 0,
    conversions: d.conversions ?? 0,
    delivered: li,
  };
}

async function notCounted(lineItemId: number) {
  return db
    .select({
      reason: uncountedHits.reason,
      impressions: uncountedHits.impressions,
      clicks: uncountedHits.clicks,
    })
    .from(uncountedHits)
    .where(eq(uncountedHits.lineItemId, lineItemId));
}

const path = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  await ready();
  fx = await makeTrackingPublisher(db);
});

afterAll(async () => {
  for (const r of running) await stop(r).catch(() => {});
  await fx?.remove();
});

describe("tracking endpoints", () => {
  it("answers an impression with the GIF and no-cache headers, after counting it", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { base } = await start();
    const urls = trackingUrls(base, item.lineItemId, item.creativeId);
    const res = await fetch(`${urls.impressionPixel}?cb=123456`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(transparentGif);
    expect(transparentGif).toHaveLength(43);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "image/gif",
      "content-length": "43",
      "cache-control": "no-store, no-cache, must-revalidate, max-age=0",
      pragma: "no-cache",
      expires: "0",
    });
    expect(await counts(item.lineItemId)).toEqual({
      impressions: 1,
      clicks: 0,
      conversions: 0,
      delivered: { impressions: 1, clicks: 0 },
    });
  });

  it("answers HEAD with the same headers and counts nothing", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { base, batcher } = await start();
    const urls = trackingUrls(base, item.lineItemId, item.creativeId);
    const head = await fetch(urls.impressionPixel, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("image/gif");
    expect(head.headers.get("content-length")).toBe("43");
    expect(head.headers.get("cache-control")).toBe("no-store, no-cache, must-revalidate, max-age=0");
    const click = await fetch(urls.clickLink, { method: "HEAD", redirect: "manual" });
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe("https://advertiser.example/landing?utm=addesk");
    expect(batcher.statements).toBe(0);
    expect((await counts(item.lineItemId)).delivered).toEqual({ impressions: 0, clicks: 0 });
  });

  it("redirects a click to the creative's URL after counting it", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { base } = await start();
    const res = await fetch(trackingUrls(base, item.lineItemId, item.creativeId).clickLink, {
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://advertiser.example/landing?utm=addesk");
    expect(res.headers.get("cache-control")).toBe("no-store, no-cache, must-revalidate, max-age=0");
    expect(await counts(item.lineItemId)).toMatchObject({
      clicks: 1,
      delivered: { impressions: 0, clicks: 1 },
    });
  });

  it("counts a conversion pixel", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { base } = await start();
    const res = await fetch(trackingUrls(base, item.lineItemId, item.creativeId).conversionPixel);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/gif");
    expect(await counts(item.lineItemId)).toMatchObject({ impressions: 0, conversions: 1 });
  });

  it("answers 404 and counts nothing for forged, truncated, mismatched or unknown tokens", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const { base, batcher } = await start();
    const urls = trackingUrls(base, item.lineItemId, item.creativeId);
    const pixel = path(urls.impressionPixel);
    const token = pixel.slice(5, -4);
    const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    const bad = [
      `/t/i/${flipped}.gif`,
      `/t/i/${token.slice(0, -1)}.gif`,
      `/t/i/${token}`,
      `/t/i/${token}.png`,
      `/t/c/${token}`,
      `/t/v/${token}.gif`,
      `${path(urls.clickLink)}.gif`,
      `/t/x/${token}.gif`,
      "/t/",
      "/t/i/",
      "/t/i/.gif",
      `/t/i/${"%41".repeat(34)}.gif`,
      `/t/i/${path(trackingUrls(base, 2_000_000_000, item.creativeId).impressionPixel).slice(5)}`,
    ];
    for (const p of bad) {
      const res = await fetch(`${base}${p}?cb=1`, { redirect: "manual" });
      expect(res.status, p).toBe(404);
      await res.arrayBuffer();
    }
    expect(batcher.statements).toBe(0);
    expect((await counts(item.lineItemId)).delivered).toEqual({ impressions: 0, clicks: 0 });
  });

  it("refuses huge URLs, other methods and unsafe click URLs without a 500", async () => {
    const item = await makeTrackedLineItem(db, fx, { clickUrl: "javascript:alert(1)" });
    const { base, batcher } = await start();
    const urls = trackingUrls(base, item.lineItemId, item.creativeId);
    const huge = await fetch(`${urls.impressionPixel}?cb=${"x".repeat(3000)}`);
    expect(huge.status).toBe(414);
    const post = await fetch(urls.impressionPixel, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const click = await fetch(urls.clickLink, { redirect: "manual" });
    expect(click.status).toBe(404);
    const malformed = await fetch(`${urls.impressionPixel}?cb=%E0%A4%A&a[]=1&&=`);
    expect(malformed.status).toBe(200);
    expect(batcher.statements).toBe(1);
    expect((await counts(item.lineItemId)).delivered).toEqual({ impressions: 1, clicks: 0 });
  });

  it("answers pixels of line items that are not serving, recording them as not counted", async () => {
    const item = await makeTrackedLineItem(db, fx, { status: "paused" });
    const { base } = await start();
    const res = await fetch(trackingUrls(base, item.lineItemId, item.creativeId).impressionPixel);
    expect(res.status).toBe(200);
    expect((await counts(item.lineItemId)).delivered).toEqual({ impressions: 0, clicks: 0 });
    const rows = await db
      .select({ reason: uncountedHits.reason, impressions: uncountedHits.impressions })
      .from(uncountedHits)
      .where(eq(uncountedHits.lineItemId, item.lineItemId));
    expect(rows).toEqual([{ reason: "paused", impressions: 1 }]);
  });

  it("stops counting a creative once it is rejected, and sends its clicks to the publisher's site", async () => {
    const site = await makeTrackingPublisher(db, { propertyUrl: "https://publisher.example/" });
    try {
      const item = await makeTrackedLineItem(db, site);
      const { base, cache } = await start();
      const urls = trackingUrls(base, item.lineItemId, item.creativeId);
      expect((await fetch(urls.impressionPixel)).status).toBe(200);
      const reviewer = await makeStaff(db, site.publisher.id);
      await rejectCreative(makeCtx(reviewer), { creativeId: item.creativeId, reason: "Misleading claim" });
      // The cache re-reads every second in the background; this is that re-read, without the wait.
      await cache.refresh();

      const pixel = await fetch(urls.impressionPixel);
      expect(pixel.status).toBe(200);
      expect(pixel.headers.get("content-type")).toBe("image/gif");
      const click = await fetch(urls.clickLink, { redirect: "manual" });
      expect(click.status).toBe(302);
      expect(click.headers.get("location")).toBe("https://publisher.example/");
      expect((await counts(item.lineItemId)).delivered).toEqual({ impressions: 1, clicks: 0 });
      expect(await notCounted(item.lineItemId)).toEqual([
        { reason: "creative_rejected", impressions: 1, clicks: 1 },
      ]);
    } finally {
      await site.remove();
    }
  });

  it("answers a click on a creative not yet approved with a neutral page when the site has no URL", async () => {
    const item = await makeTrackedLineItem(db, fx, { reviewStatus: "pending" });
    const { base } = await start();
    const urls = trackingUrls(base, item.lineItemId, item.creativeId);
    const click = await fetch(urls.clickLink, { redirect: "manual" });
    expect(click.status).toBe(200);
    expect(click.headers.get("location")).toBeNull();
    expect(await click.text()).toBe("This ad is not available.");
    expect((await fetch(urls.impressionPixel)).status).toBe(200);
    expect((await counts(item.lineItemId)).delivered).toEqual({ impressions: 0, clicks: 0 });
    expect(await notCounted(item.lineItemId)).toEqual([
      { reason: "creative_pending", impressions: 1, clicks: 1 },
    ]);
  });

  it("answers 503 when the count cannot be committed", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const down = () => Promise.reject(new Error("database down"));
    const { base } = await start({ write: down });
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const res = await fetch(trackingUrls(base, item.lineItemId, item.creativeId).impressionPixel);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it("leaves other paths to the next handler", async () => {
    const { base } = await start();
    for (const p of ["/", "/t", "/tracking", "/publisher/t/i/x.gif"]) {
      const res = await fetch(`${base}${p}`);
      expect(res.status, p).toBe(418);
      await res.arrayBuffer();
    }
  });

  it("answers every request of a burst, and the database holds exactly the answered count", async () => {
    const item = await makeTrackedLineItem(db, fx);
    const r = await start();
    const url = trackingUrls(r.base, item.lineItemId, item.creativeId).impressionPixel;
    const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => fetch(`${url}?cb=${i}`)));
    await stop(r);
    expect(responses.filter((res) => res.status === 200)).toHaveLength(300);
    expect(r.batcher.statements).toBeLessThan(300);
    expect(await counts(item.lineItemId)).toMatchObject({
      impressions: 300,
      delivered: { impressions: 300 },
    });
  });
});
