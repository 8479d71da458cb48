import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { adZones, creatives, lineItems, orders, properties, publishers } from "@/db/schema";
import type { CreativeServingState, LineItemServingState } from "./serving";

export type CachedLineItem = LineItemServingState & {
  /** The publisher's site for the line item's zone (a safe http(s) URL), or null. */
  propertyUrl: string | null;
};

type Entry<T> = { value: T | null; usedAt: number };

/** Entries not used for this long are dropped at the next refresh. */
const idleMs = 10 * 60_000;

const anyId = (ids: number[]) => sql`any(${sql.param(ids)}::int[])`;

function safeUrl(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * In-memory line item and creative state for the tracking endpoints, so a hit costs no
 * query. An entry is loaded on its first hit (misses in the same tick share one query)
 * and re-read every `refreshMs` (1 s by default), so a pause, cancel, date change or
 * creative rejection takes effect on hits up to about one second (plus one query)
 * later, in every app instance. The re-read is the one way state changes arrive: the
 * verbs that change it run in Next's bundle (and maybe another process), which cannot
 * reach this cache to invalidate it.
 */
export class ServingCache {
  private readonly lineItemEntries = new Map<number, Entry<CachedLineItem>>();
  private readonly creativeEntries = new Map<number, Entry<CreativeServingState>>();
  private missing: { lineItems: Set<number>; creatives: Set<number>; loaded: Promise<void> } | undefined;
  private readonly timer: NodeJS.Timeout;
  private refreshing: Promise<void> | undefined;

  constructor({ refreshMs = 1000 }: { refreshMs?: number } = {}) {
    // A failed refresh keeps the last known state; the next tick tries again.
    this.timer = setInterval(() => void this.refresh().catch(() => {}), refreshMs);
    this.timer.unref();
  }

  lineItem(id: number): CachedLineItem | null | Promise<CachedLineItem | null> {
    return this.get(this.lineItemEntries, id, "lineItems");
  }

  creative(id: number): CreativeServingState | null | Promise<CreativeServingState | null> {
    return this.get(this.creativeEntries, id, "creatives");
  }

  /** Re-reads every cached entry now (the timer does this every `refreshMs`). */
  refresh(): Promise<void> {
    this.refreshing ??= this.reload().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  close() {
    clearInterval(this.timer);
  }

  private get<T>(
    entries: Map<number, Entry<T>>,
    id: number,
    set: "lineItems" | "creatives",
  ): T | null | Promise<T | null> {
    const entry = entries.get(id);
    if (entry) {
      entry.usedAt = Date.now();
      return entry.value;
    }
    if (!this.missing) {
      const batch = { lineItems: new Set<number>(), creatives: new Set<number>(), loaded: Promise.resolve() };
      batch.loaded = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.missing = undefined;
        return this.load([...batch.lineItems], [...batch.creatives]);
      });
      this.missing = batch;
    }
    this.missing[set].add(id);
    return this.missing.loaded.then(() => entries.get(id)?.value ?? null);
  }

  private async reload() {
    const cutoff = Date.now() - idleMs;
    const keep = <T>(entries: Map<number, Entry<T>>) => {
      for (const [id, entry] of entries) {
        // Unknown ids are asked again on their next hit rather than kept as "not found".
        if (entry.usedAt < cutoff || entry.value === null) entries.delete(id);
      }
      return [...entries.keys()];
    };
    await this.load(keep(this.lineItemEntries), keep(this.creativeEntries));
  }

  private async load(lineItemIds: number[], creativeIds: number[]) {
    const now = Date.now();
    const [lineItemRows, creativeRows] = await Promise.all([
      lineItemIds.length === 0
        ? []
        : db
            .select({
              id: lineItems.id,
              publisherId: lineItems.publisherId,
              status: lineItems.status,
              orderStatus: orders.status,
              startDate: lineItems.startDate,
              endDate: lineItems.endDate,
              timezone: publishers.timezone,
              propertyUrl: properties.url,
            })
            .from(lineItems)
            .innerJoin(orders, eq(orders.id, lineItems.orderId))
            .innerJoin(publishers, eq(publishers.id, lineItems.publisherId))
            .leftJoin(adZones, eq(adZones.id, lineItems.zoneId))
            .leftJoin(properties, eq(properties.id, adZones.propertyId))
            .where(sql`${lineItems.id} = ${anyId(lineItemIds)}`),
      creativeIds.length === 0
        ? []
        : db
            .select({
              id: creatives.id,
              publisherId: creatives.publisherId,
              reviewStatus: creatives.reviewStatus,
              clickUrl: creatives.clickUrl,
            })
            .from(creatives)
            .where(sql`${creatives.id} = ${anyId(creativeIds)}`),
    ]);
    const put = <T>(entries: Map<number, Entry<T>>, ids: number[], found: Map<number, T>) => {
      for (const id of ids) {
        const value = found.get(id) ?? null;
        const entry = entries.get(id);
        if (entry) entry.value = value;
        else entries.set(id, { value, usedAt: now });
      }
    };
    put(
      this.lineItemEntries,
      lineItemIds,
      new Map(lineItemRows.map((row) => [row.id, { ...row, propertyUrl: safeUrl(row.propertyUrl) }])),
    );
    put(
      this.creativeEntries,
      creativeIds,
      new Map(creativeRows.map((row) => [row.id, { ...row, clickUrl: safeUrl(row.clickUrl) }])),
    );
  }
}
