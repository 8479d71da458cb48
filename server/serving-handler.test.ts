import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  adZones,
  creatives,
  deliveryDaily,
  lineItemCreatives,
  lineItems,
  newsletterOpens,
  orders,
  properties,
} from "@/db/schema";
import { parseTrustProxy } from "@/lib/auth/trust-proxy";
import { databaseFileStore } from "@/lib/creatives/creative-files";
import { ServingView } from "@/lib/serving/serving-view";
import { StoredOpens } from "@/lib/serving/stored-opens";
import { zoneTags } from "@/lib/serving/zone-tags";
import { signZoneToken } from "@/lib/serving/zone-token";
import { type BatchWriter, DeliveryBatcher } from "@/lib/tracking/delivery-batcher";
import { ServingCache } from "@/lib/tracking/serving-cache";
import { ready } from "@/test/db";
import { pngBytes } from "@/test/fixtures/images";
import { makeTrackedLineItem, makeTrackingPublisher, type TrackingPublisher } from "@/test/fixtures/tracking";
import { transparentGif } from "./pixel-response";
import { createServingHandler } from "./serving-handler";
import { visitorCountry } from "./visitor-country";

type Running = {
  base: string;
  server: Server;
  batcher: DeliveryBatcher;
  cache: ServingCache;
  view: ServingView;
};
const running: Running[] = [];
const publishersMade: TrackingPublisher[] = [];

async function start({
  write,
  storedOpens,
}: {
  write?: BatchWriter;
  storedOpens?: StoredOpens;
} = {}): Promise<Running> {
  const cache = new ServingCache();
  const batcher = new DeliveryBatcher({ cache, write });
  // No timer: each test refreshes the view when it changed something.
  const view = new ServingView({ refreshMs: 0 });
  const trustProxy = parseTrustProxy(undefined);
  const handle = createServingHandler({
    view,
    batcher,
    cache,
    random: () => 0.5,
    storedOpens,
    // Addresses here are loopback (no country): the trusted header decides.
    country: (req) => visitorCountry(req, { header: "CF-IPCountry", trustProxy, lookup: () => null }),
  });
  const server = createServer((req, res) => {
    if (handle(req, res)) return;
    res.writeHead(418).end("not serving");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const r = { base: `http://127.0.0.1:${port}`, server, batcher, cache, view };
  running.push(r);
  return r;
}

async function publisher(propertyUrl: string | null = "https://site.example/") {
  const fx = await makeTrackingPublisher(db, { propertyUrl });
  publishersMade.push(fx);
  return fx;
}

async function counts(lineItemId: number) {
  const [d] = await db
    .select({
      impressions: sum(deliveryDaily.impressions).mapWith(Number),
      clicks: sum(deliveryDaily.clicks).mapWith(Number),
    })
    .from(deliveryDaily)
    .where(eq(deliveryDaily.lineItemId, lineItemId));
  return { impressions: d.impressions ?? 0, clicks: d.clicks ?? 0 };
}

const us = { headers: { "CF-IPCountry": "US" } };
const manual = { ...us, redirect: "manual" as const };

/** The frame's click link, as the browser would follow it. */
function clickLink(html: string, base: string): string {
  const href = /href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no link in ${html}`);
  return new URL(href.replace(/&amp;/g, "&"), base).href;
}

beforeAll(async () => {
  await ready();
});

afterAll(async () => {
  for (const r of running) {
    await new Promise((resolve) => r.server.close(resolve));
    r.server.closeAllConnections();
    await r.batcher.close().catch(() => {});
    r.cache.close();
    r.view.close();
  }
  for (const fx of publishersMade) await fx.remove();
});

/** A 4×2 zone whose line item serves one approved image (a newsletter image needs an image). */
async function newsletterZone() {
  const fx = await publisher("https://site.example/");
  await db.update(adZones).set({ width: 4, height: 2 }).where(eq(adZones.id, fx.zone.id));
  const item = await makeTrackedLineItem(db, fx, { clickUrl: "https://advertiser.example/from-email" });
  const bytes = pngBytes(4, 2);
  const key = await databaseFileStore.put(db, fx.publisher.id, bytes);
  const [image] = await db
    .insert(creatives)
    .values({
      publisherId: fx.publisher.id,
      advertiserId: fx.advertiser.id,
      name: "Email banner",
      kind: "image",
      filePath: key,
      mimeType: "image/png",
      byteSize: bytes.length,
      width: 4,
      height: 2,
      clickUrl: "https://advertiser.example/from-email",
      reviewStatus: "approved",
    })
    .returning();
  await db.insert(lineItemCreatives).values({ lineItemId: item.lineItemId, creativeId: image.id });
  return { fx, item, bytes };
}

describe("zone tags", () => {
  it("shows the booked creative in the frame, counts it once the answer is out, and counts the click on it", async () => {
    const fx = await publisher();
    const item = await makeTrackedLineItem(db, fx, { clickUrl: "https://advertiser.example/landing" });
    const { base } = await start();
    const tags = zoneTags(base, { id: fx.zone.id, name: fx.zone.name, width: null, height: null });
    const frameUrl = /src="([^"]+)"/.exec(tags.iframe)?.[1] ?? "";
    const res = await fetch(frameUrl, us);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    const html = await res.text();
    expect(html).toContain(`data-creative="${item.creativeId}"`);
    expect(html).toContain("Hello");
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 0 });

    const click = await fetch(clickLink(html, base), manual);
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe("https://advertiser.example/landing");
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 1 });
  });

  it("serves the script tag that writes the frame, counting nothing", async () => {
    const fx = await publisher();
    const item = await makeTrackedLineItem(db, fx);
    const { base } = await start();
    const res = await fetch(`${base}/s/j/${signZoneToken({ zoneId: fx.zone.id })}.js`, us);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(await res.text()).toContain(`/s/f/${signZoneToken({ zoneId: fx.zone.id })}`);
    expect(await counts(item.lineItemId)).toEqual({ impressions: 0, clicks: 0 });
  });

  it("gives an unknown or another country the empty fallback and counts nothing", async () => {
    const fx = await publisher();
    const item = await makeTrackedLineItem(db, fx);
    const { base } = await start();
    const frame = `${base}/s/f/${signZoneToken({ zoneId: fx.zone.id })}`;
    const countries: Record<string, string>[] = [
      {},
      { "CF-IPCountry": "DE" },
      { "CF-IPCountry": "XX" },
      { "CF-IPCountry": "T1" },
    ];
    for (const headers of countries) {
      const res = await fetch(frame, { headers });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('data-creative=""');
    }
    expect(await counts(item.lineItemId)).toEqual({ impressions: 0, clicks: 0 });
  });

  it("answers forged, truncated and unknown tokens with 404, never a 500, and counts nothing", async () => {
    const fx = await publisher();
    const item = await makeTrackedLineItem(db, fx);
    const { base } = await start();
    const token = signZoneToken({ zoneId: fx.zone.id });
    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const paths = [
      `/s/f/${forged}`,
      `/s/f/${token.slice(0, -1)}`,
      `/s/f/${token}x`,
      `/s/f/`,
      `/s/z/${forged}.png`,
      `/s/z/${token}`,
      `/s/j/${token}`,
      `/s/c/${forged}`,
      `/s/a/${token}`,
      `/s/q/${token}`,
      `/s/f/${signZoneToken({ zoneId: 2_000_000_000 })}`,
      `/s/f/${"%".repeat(30)}`,
    ];
    for (const p of paths) {
      const res = await fetch(`${base}${p}`, manual);
      expect(res.status, p).toBe(404);
    }
    const post = await fetch(`${base}/s/f/${token}`, { method: "POST", ...us });
    expect(post.status).toBe(405);
    expect(await counts(item.lineItemId)).toEqual({ impressions: 0, clicks: 0 });
  });

  it("falls back when the order is paused or the creative rejected, and a click on an earlier view then counts nothing", async () => {
    const fx = await publisher("https://site.example/home");
    const item = await makeTrackedLineItem(db, fx);
    const r = await start();
    const frame = `${r.base}/s/f/${signZoneToken({ zoneId: fx.zone.id })}`;
    const shown = await (await fetch(frame, us)).text();
    expect(shown).toContain(`data-creative="${item.creativeId}"`);

    await db.update(orders).set({ status: "paused" }).where(eq(orders.id, item.orderId));
    await r.view.refresh();
    expect(await (await fetch(frame, us)).text()).toContain('data-creative=""');
    await db.update(orders).set({ status: "live" }).where(eq(orders.id, item.orderId));

    await db.update(creatives).set({ reviewStatus: "rejected" }).where(eq(creatives.id, item.creativeId));
    await Promise.all([r.view.refresh(), r.cache.refresh()]);
    expect(await (await fetch(frame, us)).text()).toContain('data-creative=""');
    const click = await fetch(clickLink(shown, r.base), manual);
    expect(click.headers.get("location")).toBe("https://site.example/home");
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 0 });
  });

  it("answers a newsletter open with the chosen image and sends its link's click to that creative", async () => {
    const { fx, item, bytes } = await newsletterZone();
    const { base } = await start();
    const tags = zoneTags(base, { id: fx.zone.id, name: "Top", width: 4, height: 2 });

    const open = await fetch(tags.newsletterImage.replace("RECIPIENT_ID", "sub-42"), us);
    expect(open.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await open.arrayBuffer())).toEqual(Buffer.from(bytes));
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 0 });

    const click = await fetch(tags.newsletterLink.replace("RECIPIENT_ID", "sub-42"), manual);
    expect(click.headers.get("location")).toBe("https://advertiser.example/from-email");
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 1 });

    // A link whose open was never seen is not counted and lands on the publisher's site.
    const stranger = await fetch(tags.newsletterLink.replace("RECIPIENT_ID", "sub-99"), manual);
    expect(stranger.headers.get("location")).toBe("https://site.example/");
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 1 });

    // An open from another country gets the transparent pixel, uncounted.
    const elsewhere = await fetch(tags.newsletterImage, { headers: { "CF-IPCountry": "FR" } });
    expect(Buffer.from(await elsewhere.arrayBuffer())).toEqual(transparentGif);
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 1 });
  });

  it("a newsletter click reaches the creative its open showed on another instance (or after a restart), within a day", async () => {
    const { fx, item } = await newsletterZone();
    // Two instances: each keeps opens in its own memory and writes them to the one database.
    const first = await start({ storedOpens: new StoredOpens(db, 5) });
    const second = await start({ storedOpens: new StoredOpens(db, 5) });
    const tags = (base: string) => zoneTags(base, { id: fx.zone.id, name: "Top", width: 4, height: 2 });

    const open = await fetch(tags(first.base).newsletterImage.replace("RECIPIENT_ID", "sub-7"), us);
    expect(open.headers.get("content-type")).toBe("image/png");
    await expect
      .poll(
        async () =>
          (await db.select().from(newsletterOpens).where(eq(newsletterOpens.zoneId, fx.zone.id))).length,
      )
      .toBe(1);

    // The second instance never saw the open in memory: it reads it from the database.
    const click = await fetch(tags(second.base).newsletterLink.replace("RECIPIENT_ID", "sub-7"), manual);
    expect(click.headers.get("location")).toBe("https://advertiser.example/from-email");
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 1 });

    // An open older than a day is forgotten: the click lands on the site, uncounted.
    await db
      .update(newsletterOpens)
      .set({ openedAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(newsletterOpens.zoneId, fx.zone.id));
    const late = await fetch(tags(second.base).newsletterLink.replace("RECIPIENT_ID", "sub-7"), manual);
    expect(late.headers.get("location")).toBe("https://site.example/");
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 1 });
  });

  it("shows the zone's house ad, uncounted, when nothing booked can serve", async () => {
    const fx = await publisher();
    await db
      .update(adZones)
      .set({
        houseAdImageUrl: "https://site.example/house.png",
        houseAdClickUrl: "https://site.example/subscribe",
      })
      .where(eq(adZones.id, fx.zone.id));
    const item = await makeTrackedLineItem(db, fx);
    const { base } = await start();
    const tags = zoneTags(base, { id: fx.zone.id, name: "Top", width: null, height: null });
    const frame = await (
      await fetch(`${base}/s/f/${tags.token}`, { headers: { "CF-IPCountry": "FR" } })
    ).text();
    expect(frame).toContain('data-house-ad=""');
    expect(frame).toContain('src="https://site.example/house.png"');
    expect(frame).toContain('href="https://site.example/subscribe"');
    const image = await fetch(tags.newsletterImage, {
      headers: { "CF-IPCountry": "FR" },
      redirect: "manual",
    });
    expect(image.status).toBe(302);
    expect(image.headers.get("location")).toBe("https://site.example/house.png");
    const link = await fetch(tags.newsletterLink, { headers: { "CF-IPCountry": "FR" }, redirect: "manual" });
    expect(link.headers.get("location")).toBe("https://site.example/subscribe");
    // A US visitor still gets the booked line item.
    expect(await (await fetch(`${base}/s/f/${tags.token}`, us)).text()).toContain(
      `data-line-item="${item.lineItemId}"`,
    );
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 0 });
  });

  it("a zone of a property whose ads are paused answers empty, without the house ad, and counts nothing until resumed", async () => {
    const fx = await publisher();
    await db
      .update(adZones)
      .set({ houseAdImageUrl: "https://site.example/house.png" })
      .where(eq(adZones.id, fx.zone.id));
    const item = await makeTrackedLineItem(db, fx);
    const pause = (at: Date | null) =>
      db.update(properties).set({ servingPausedAt: at }).where(eq(properties.id, fx.zone.propertyId));
    await pause(new Date());
    const { base, view } = await start();
    const tags = zoneTags(base, { id: fx.zone.id, name: "Top", width: null, height: null });
    const frame = await (await fetch(`${base}/s/f/${tags.token}`, us)).text();
    expect(frame).toContain('data-line-item=""');
    expect(frame).not.toContain("house.png");
    const image = await fetch(tags.newsletterImage, { ...us, redirect: "manual" });
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(transparentGif);
    expect(await counts(item.lineItemId)).toEqual({ impressions: 0, clicks: 0 });

    await pause(null);
    await view.refresh();
    expect(await (await fetch(`${base}/s/f/${tags.token}`, us)).text()).toContain(
      `data-line-item="${item.lineItemId}"`,
    );
    expect(await counts(item.lineItemId)).toEqual({ impressions: 1, clicks: 0 });
  });

  it("answers 503 and shows no ad when the count cannot be committed; HEAD counts nothing", async () => {
    const fx = await publisher();
    const item = await makeTrackedLineItem(db, fx);
    const failing = await start({
      write: async () => {
        throw new Error("database down");
      },
    });
    const frame = `/s/f/${signZoneToken({ zoneId: fx.zone.id })}`;
    const res = await fetch(`${failing.base}${frame}`, us);
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain("Hello");
    const ok = await start();
    const head = await fetch(`${ok.base}${frame}`, { method: "HEAD", ...us });
    expect(head.status).toBe(200);
    expect(await counts(item.lineItemId)).toEqual({ impressions: 0, clicks: 0 });
  });

  it("reads today's counts from the database: a line item at its daily cap does not serve", async () => {
    const fx = await publisher();
    const item = await makeTrackedLineItem(db, fx);
    await db.update(lineItems).set({ dailyCap: 5 }).where(eq(lineItems.id, item.lineItemId));
    const today = new Date().toISOString().slice(0, 10);
    await db
      .insert(deliveryDaily)
      .values({ lineItemId: item.lineItemId, day: today, source: "manual", impressions: 5, clicks: 0 });
    const { base } = await start();
    const frame = await (await fetch(`${base}/s/f/${signZoneToken({ zoneId: fx.zone.id })}`, us)).text();
    expect(frame).toContain('data-creative=""');
    expect(await counts(item.lineItemId)).toEqual({ impressions: 5, clicks: 0 });
  });

  it("stops a line item at its booked quantity from its own counts, between re-reads of the database", async () => {
    const fx = await publisher();
    const item = await makeTrackedLineItem(db, fx);
    await db
      .update(lineItems)
      .set({ priority: "exclusive", quantity: 3 })
      .where(eq(lineItems.id, item.lineItemId));
    const { base } = await start();
    const frame = `${base}/s/f/${signZoneToken({ zoneId: fx.zone.id })}`;
    const shown: boolean[] = [];
    for (let i = 0; i < 5; i++) shown.push((await (await fetch(frame, us)).text()).includes("Hello"));
    expect(shown).toEqual([true, true, true, false, false]);
    expect(await counts(item.lineItemId)).toEqual({ impressions: 3, clicks: 0 });
  });
});
