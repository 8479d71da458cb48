import { and, eq, gte, sql } from "drizzle-orm";
import { db as appDb, type Queryable } from "@/db";
import {
  adZones,
  creatives,
  deliveryDaily,
  lineItemCreatives,
  lineItems,
  orders,
  properties,
  publishers,
} from "@/db/schema";
import { addDays, endOfDayIn, startOfDayIn } from "@/lib/core/days";
import { creativeFileStore } from "@/lib/creatives/creative-files";
import { calendarDay } from "@/lib/tracking/calendar-day";
import type { CreativeKind, ServingCreative, ServingLineItem, ZoneFit } from "./choose-creative";

/** What a zone tag shows of a creative. */
export type ServedCreative = {
  id: number;
  name: string;
  kind: CreativeKind;
  width: number | null;
  height: number | null;
  body: string | null;
  mimeType: string | null;
  /** The stored file's key, for approved creatives with a file. */
  filePath: string | null;
  /** The stored image, loaded with the view so a request never reads it from the database. */
  bytes: Uint8Array | null;
  /** The advertiser's landing page, or null when it is not a safe http(s) URL. */
  clickUrl: string | null;
};

export type ZoneView = {
  zoneId: number;
  publisherId: number;
  name: string;
  timezone: string;
  fit: ZoneFit;
  /** The publisher's site (safe http(s) URL), where a click lands when no ad can take it. */
  propertyUrl: string | null;
  propertyKind: string;
  /** The zone's house ad (safe http(s) URLs), shown uncounted when nothing booked can serve. */
  houseAd: { imageUrl: string; clickUrl: string | null } | null;
  /** The publisher paused ads on the property: the tags answer empty (no house ad either). */
  adsPaused: boolean;
  lineItems: ServingLineItem[];
  creatives: Map<number, ServedCreative>;
  /** The publisher's day the today counts belong to. */
  today: string;
};

type Entry = { value: ZoneView | null; usedAt: number };

const idleMs = 10 * 60_000;
const anyId = (ids: number[]) => sql`any(${sql.param(ids)}::int[])`;

export function safeUrl(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function timeZoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * Reads the zones' delivering line items (live order, delivering status), their creatives
 * (all review states: a rejection must stop serving) and today's counts, in four queries
 * for any number of zones.
 */
export async function loadZoneViews(
  db: Queryable,
  zoneIds: number[],
  now: number,
): Promise<Map<number, ZoneView>> {
  const views = new Map<number, ZoneView>();
  if (zoneIds.length === 0) return views;
  const zoneRows = await db
    .select({
      id: adZones.id,
      publisherId: adZones.publisherId,
      name: adZones.name,
      width: adZones.width,
      height: adZones.height,
      kinds: adZones.creativeKinds,
      timezone: publishers.timezone,
      propertyUrl: properties.url,
      propertyKind: properties.kind,
      houseAdImageUrl: adZones.houseAdImageUrl,
      houseAdClickUrl: adZones.houseAdClickUrl,
      adsPausedAt: properties.servingPausedAt,
    })
    .from(adZones)
    .innerJoin(properties, eq(properties.id, adZones.propertyId))
    .innerJoin(publishers, eq(publishers.id, adZones.publisherId))
    .where(sql`${adZones.id} = ${anyId(zoneIds)}`);
  if (zoneRows.length === 0) return views;
  const itemRows = await db
    .select({
      id: lineItems.id,
      zoneId: lineItems.zoneId,
      publisherId: lineItems.publisherId,
      model: lineItems.model,
      priority: lineItems.priority,
      countries: lineItems.countries,
      startDate: lineItems.startDate,
      endDate: lineItems.endDate,
      quantity: lineItems.quantity,
      dailyCap: lineItems.dailyCap,
      deliveredImpressions: lineItems.deliveredImpressions,
      deliveredClicks: lineItems.deliveredClicks,
    })
    .from(lineItems)
    .innerJoin(orders, eq(orders.id, lineItems.orderId))
    .where(
      and(
        sql`${lineItems.zoneId} = ${anyId(zoneRows.map((z) => z.id))}`,
        eq(lineItems.status, "delivering"),
        eq(orders.status, "live"),
        // Whatever the publisher's zone, yesterday in UTC is before its today.
        gte(lineItems.endDate, addDays(new Date(now).toISOString().slice(0, 10), -1)),
      ),
    );
  const itemIds = itemRows.map((li) => li.id);
  const [creativeRows, dayRows] = await Promise.all([
    itemIds.length === 0
      ? []
      : db
          .select({
            lineItemId: lineItemCreatives.lineItemId,
            id: creatives.id,
            publisherId: creatives.publisherId,
            name: creatives.name,
            kind: creatives.kind,
            width: creatives.width,
            height: creatives.height,
            body: creatives.body,
            mimeType: creatives.mimeType,
            filePath: creatives.filePath,
            clickUrl: creatives.clickUrl,
            reviewStatus: creatives.reviewStatus,
          })
          .from(lineItemCreatives)
          .innerJoin(creatives, eq(creatives.id, lineItemCreatives.creativeId))
          .where(sql`${lineItemCreatives.lineItemId} = ${anyId(itemIds)}`),
    itemIds.length === 0
      ? []
      : db
          .select({
            lineItemId: deliveryDaily.lineItemId,
            day: deliveryDaily.day,
            impressions: sql<number>`sum(${deliveryDaily.impressions})::float8`,
            clicks: sql<number>`sum(${deliveryDaily.clicks})::float8`,
          })
          .from(deliveryDaily)
          .where(
            and(
              sql`${deliveryDaily.lineItemId} = ${anyId(itemIds)}`,
              gte(deliveryDaily.day, addDays(new Date(now).toISOString().slice(0, 10), -1)),
            ),
          )
          .groupBy(deliveryDaily.lineItemId, deliveryDaily.day),
  ]);
  for (const zone of zoneRows) {
    const timezone = timeZoneOrUtc(zone.timezone);
    const houseImage = safeUrl(zone.houseAdImageUrl);
    views.set(zone.id, {
      zoneId: zone.id,
      publisherId: zone.publisherId,
      name: zone.name,
      timezone,
      fit: { width: zone.width, height: zone.height, kinds: zone.kinds },
      propertyUrl: safeUrl(zone.propertyUrl),
      propertyKind: zone.propertyKind,
      houseAd:
        houseImage && !zone.adsPausedAt
          ? { imageUrl: houseImage, clickUrl: safeUrl(zone.houseAdClickUrl) }
          : null,
      adsPaused: zone.adsPausedAt !== null,
      lineItems: [],
      creatives: new Map(),
      today: calendarDay(timezone, now),
    });
  }
  const items = new Map<number, { item: ServingLineItem; view: ZoneView }>();
  const daysByItem = new Map<number, typeof dayRows>();
  for (const d of dayRows) daysByItem.set(d.lineItemId, [...(daysByItem.get(d.lineItemId) ?? []), d]);
  for (const row of itemRows) {
    const view = views.get(row.zoneId);
    if (!view || row.publisherId !== view.publisherId) continue;
    const today = (daysByItem.get(row.id) ?? []).filter((d) => d.day === view.today);
    const item: ServingLineItem = {
      id: row.id,
      model: row.model,
      priority: row.priority,
      countries: row.countries,
      flightStart: startOfDayIn(row.startDate, view.timezone).getTime(),
      flightEnd: endOfDayIn(row.endDate, view.timezone).getTime() - 1,
      quantity: row.quantity,
      dailyCap: row.dailyCap,
      deliveredImpressions: row.deliveredImpressions,
      deliveredClicks: row.deliveredClicks,
      todayImpressions: today.reduce((sum, d) => sum + Number(d.impressions), 0),
      todayClicks: today.reduce((sum, d) => sum + Number(d.clicks), 0),
      creatives: [],
    };
    items.set(row.id, { item, view });
    view.lineItems.push(item);
  }
  for (const row of creativeRows) {
    const found = items.get(row.lineItemId);
    if (!found || row.publisherId !== found.view.publisherId) continue;
    const { item, view: zone } = found;
    (item.creatives as ServingCreative[]).push({
      id: row.id,
      kind: row.kind,
      width: row.width,
      height: row.height,
      reviewStatus: row.reviewStatus,
    });
    zone.creatives.set(row.id, {
      id: row.id,
      name: row.name,
      kind: row.kind,
      width: row.width,
      height: row.height,
      body: row.body,
      mimeType: row.mimeType,
      bytes: null,
      clickUrl: safeUrl(row.clickUrl),
      // The caller reads the bytes (and keeps them between loads).
      filePath: row.reviewStatus === "approved" ? row.filePath : null,
    });
  }
  return views;
}

/**
 * The in-memory view of each requested zone's delivering line items, so choosing a
 * creative costs no query. A zone is loaded on its first request (requests in the same
 * tick share the load) and re-read every `refreshMs` (1 s by default) with every zone
 * in use, so an approval, rejection, pause or new booking serves within about a second
 * in every instance. Between re-reads, `counted` adds this process's committed counts,
 * so pacing and caps hold between refreshes. Image bytes are kept by file key (stored
 * files never change) and read only when a new one appears.
 */
export class ServingView {
  private readonly entries = new Map<number, Entry>();
  private readonly files = new Map<string, Uint8Array | null>();
  private missing: { ids: Set<number>; loaded: Promise<void> } | undefined;
  private readonly timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly db: Queryable;
  private readonly now: () => number;

  constructor({
    refreshMs = 1000,
    db = appDb,
    now = Date.now,
  }: { refreshMs?: number; db?: Queryable; now?: () => number } = {}) {
    this.db = db;
    this.now = now;
    if (refreshMs > 0) {
      this.timer = setInterval(() => void this.refresh().catch(() => {}), refreshMs);
      this.timer.unref();
    }
  }

  zone(zoneId: number): ZoneView | null | Promise<ZoneView | null> {
    const entry = this.entries.get(zoneId);
    if (entry) {
      entry.usedAt = Date.now();
      return entry.value;
    }
    if (!this.missing) {
      const batch = { ids: new Set<number>(), loaded: Promise.resolve() };
      batch.loaded = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.missing = undefined;
        return this.load([...batch.ids]);
      });
      this.missing = batch;
    }
    this.missing.ids.add(zoneId);
    return this.missing.loaded.then(() => this.entries.get(zoneId)?.value ?? null);
  }

  /** A count this process committed: the view's totals move now, not at the next re-read. */
  counted(zoneId: number, lineItemId: number, kind: "impression" | "click") {
    const item = this.entries.get(zoneId)?.value?.lineItems.find((li) => li.id === lineItemId);
    if (!item) return;
    if (kind === "impression") {
      item.deliveredImpressions++;
      item.todayImpressions++;
    } else {
      item.deliveredClicks++;
      item.todayClicks++;
    }
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.reload().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  close() {
    if (this.timer) clearInterval(this.timer);
  }

  private async reload() {
    const cutoff = Date.now() - idleMs;
    for (const [id, entry] of this.entries) {
      if (entry.usedAt < cutoff || entry.value === null) this.entries.delete(id);
    }
    await this.load([...this.entries.keys()]);
  }

  private async load(zoneIds: number[]) {
    const views = await loadZoneViews(this.db, zoneIds, this.now());
    const wanted = new Set<string>();
    for (const view of views.values()) {
      for (const creative of view.creatives.values()) {
        const key = creative.filePath;
        if (key) wanted.add(key);
      }
    }
    const store = creativeFileStore();
    await Promise.all(
      [...wanted]
        .filter((key) => !this.files.has(key))
        .map(async (key) => this.files.set(key, await store.get(this.db, key))),
    );
    for (const key of this.files.keys()) if (!wanted.has(key)) this.files.delete(key);
    for (const view of views.values()) {
      for (const creative of view.creatives.values()) {
        const key = creative.filePath;
        creative.bytes = key ? (this.files.get(key) ?? null) : null;
      }
      // An image whose file cannot be shown is never chosen (it would be counted unseen).
      for (const item of view.lineItems) {
        item.creatives = item.creatives.filter((c) => c.kind !== "image" || view.creatives.get(c.id)?.bytes);
      }
    }
    const usedAt = Date.now();
    for (const id of zoneIds) {
      const value = views.get(id) ?? null;
      const entry = this.entries.get(id);
      if (entry) entry.value = value;
      else this.entries.set(id, { value, usedAt });
    }
  }
}
