import { db } from "@/db";
import { addDelivery, type DeliveryToAdd, type NotCountedHits } from "@/lib/delivery/add-delivery";
import { calendarDay } from "./calendar-day";
import {
  type CreativeServingState,
  hitNotCountedReason,
  type LineItemServingState,
  type UncountedReason,
} from "./serving";
import type { ServingCache } from "./serving-cache";
import type { TrackingKind } from "./token";

export type Hit = { kind: TrackingKind; lineItemId: number; creativeId: number };

/** "unknown": no such line item or creative (or not the same publisher's); nothing is written for it. */
export type RecordResult = { counted: true } | { counted: false; reason: UncountedReason | "unknown" };

export type BatchInfo = { hits: number; rows: number; uncountedRows: number; ms: number };

type HitCounts = Required<DeliveryToAdd>;

export type BatchWriter = (counted: HitCounts[], uncounted: NotCountedHits[]) => Promise<void>;

export type DeliveryBatcherOptions = {
  cache: ServingCache;
  /** Commits one batch; by default as one statement on the app's database. */
  write?: BatchWriter;
  /** How long the first hit of a batch waits for others when no write is under way. */
  maxDelayMs?: number;
  /** A batch is written at once when this many hits are waiting. */
  maxPending?: number;
  now?: () => number;
  onBatch?: (info: BatchInfo) => void;
};

export class TrackingClosed extends Error {
  constructor() {
    super("Tracking is shutting down.");
  }
}

type Waiter = {
  resolve: (result: RecordResult) => void;
  reject: (error: unknown) => void;
  result: RecordResult;
};

class Batch {
  readonly counted = new Map<string, HitCounts>();
  readonly uncounted = new Map<string, NotCountedHits>();
  readonly waiters: Waiter[] = [];

  add(hit: Hit, day: string, reason: UncountedReason | null) {
    const impressions = hit.kind === "impression" ? 1 : 0;
    const clicks = hit.kind === "click" ? 1 : 0;
    if (reason === null) {
      const source = hit.kind === "click" ? "click" : "pixel";
      const key = `${hit.lineItemId}|${day}|${source}`;
      const row = this.counted.get(key);
      const conversions = hit.kind === "conversion" ? 1 : 0;
      if (row) {
        row.impressions += impressions;
        row.clicks += clicks;
        row.conversions += conversions;
      } else {
        this.counted.set(key, { lineItemId: hit.lineItemId, day, source, impressions, clicks, conversions });
      }
    } else if (hit.kind !== "conversion") {
      // uncounted_hits keeps impressions and clicks only; a not-counted conversion is not stored.
      const key = `${hit.lineItemId}|${day}|${reason}`;
      const row = this.uncounted.get(key);
      if (row) {
        row.impressions += impressions;
        row.clicks += clicks;
      } else {
        this.uncounted.set(key, { lineItemId: hit.lineItemId, day, reason, impressions, clicks });
      }
    }
  }

  succeed() {
    for (const waiter of this.waiters) waiter.resolve(waiter.result);
  }

  fail(error: unknown) {
    for (const waiter of this.waiters) waiter.reject(error);
  }
}

const retryable = new Set(["40P01", "40001"]);

/**
 * Group commit for tracking hits. `record` resolves only after the hit's batch is
 * committed, so an answered request is a stored count. Hits gather for up to
 * `maxDelayMs` (or until `maxPending`), are summed per line item × day × source, and
 * each batch is one statement. One batch is written at a time: hits that arrive during
 * a write form the next batch, written as soon as that write ends.
 */
export class DeliveryBatcher {
  /** Statements sent to the database (one per batch, plus any retry). */
  statements = 0;
  private readonly cache: ServingCache;
  private readonly writeBatch: BatchWriter;
  private readonly maxDelayMs: number;
  private readonly maxPending: number;
  private readonly now: () => number;
  private readonly onBatch?: (info: BatchInfo) => void;
  private current = new Batch();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private closed = false;
  /** Hits accepted but still waiting for their line item's state. */
  private readonly arriving = new Set<Promise<unknown>>();

  constructor(options: DeliveryBatcherOptions) {
    this.cache = options.cache;
    this.writeBatch = options.write ?? ((counted, uncounted) => addDelivery(db, counted, uncounted));
    this.maxDelayMs = options.maxDelayMs ?? 2;
    this.maxPending = options.maxPending ?? 500;
    this.now = options.now ?? Date.now;
    this.onBatch = options.onBatch;
  }

  record(hit: Hit): Promise<RecordResult> {
    if (this.closed) return Promise.reject(new TrackingClosed());
    const at = this.now();
    const lineItem = this.cache.lineItem(hit.lineItemId);
    const creative = this.cache.creative(hit.creativeId);
    if (!(lineItem instanceof Promise) && !(creative instanceof Promise)) {
      return this.enqueue(hit, at, lineItem, creative);
    }
    let enqueued!: Promise<RecordResult>;
    const arrived = Promise.all([lineItem, creative]).then(([loadedLineItem, loadedCreative]) => {
      enqueued = this.enqueue(hit, at, loadedLineItem, loadedCreative);
    });
    this.arriving.add(arrived);
    const forget = () => this.arriving.delete(arrived);
    arrived.then(forget, forget);
    return arrived.then(() => enqueued);
  }

  /**
   * Writes everything accepted so far. Resolves when all of it is committed, or has
   * failed and its waiting requests were told so.
   */
  async flush(): Promise<void> {
    while (this.arriving.size > 0) await Promise.allSettled([...this.arriving]);
    while (this.writing || this.current.waiters.length > 0) {
      if (this.writing) await this.writing;
      else this.kick();
    }
  }

  /** Stops accepting hits and writes what was accepted. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private enqueue(
    hit: Hit,
    at: number,
    lineItem: LineItemServingState | null,
    creative: CreativeServingState | null,
  ): Promise<RecordResult> {
    if (!lineItem || !creative || creative.publisherId !== lineItem.publisherId) {
      return Promise.resolve({ counted: false, reason: "unknown" });
    }
    const day = calendarDay(lineItem.timezone, at);
    const reason = hitNotCountedReason(lineItem, creative, day);
    const batch = this.current;
    batch.add(hit, day, reason);
    const result: RecordResult = reason === null ? { counted: true } : { counted: false, reason };
    const promise = new Promise<RecordResult>((resolve, reject) => {
      batch.waiters.push({ resolve, reject, result });
    });
    if (batch.waiters.length >= this.maxPending) this.kick();
    else if (!this.timer && !this.writing) this.timer = setTimeout(() => this.kick(), this.maxDelayMs);
    return promise;
  }

  private kick() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // A write is under way: this batch goes as soon as it ends.
    if (this.writing || this.current.waiters.length === 0) return;
    const batch = this.current;
    this.current = new Batch();
    this.writing = this.write(batch).finally(() => {
      this.writing = undefined;
      // Hits that gathered during the write have waited long enough.
      if (this.current.waiters.length > 0) this.kick();
    });
  }

  private async write(batch: Batch) {
    const started = performance.now();
    const counted = [...batch.counted.values()];
    const uncounted = [...batch.uncounted.values()];
    try {
      if (counted.length > 0 || uncounted.length > 0) await this.writeOnce(counted, uncounted, 1);
    } catch (error) {
      batch.fail(error);
      return;
    }
    this.onBatch?.({
      hits: batch.waiters.length,
      rows: counted.length,
      uncountedRows: uncounted.length,
      ms: performance.now() - started,
    });
    batch.succeed();
  }

  private async writeOnce(counted: HitCounts[], uncounted: NotCountedHits[], retries: number): Promise<void> {
    this.statements++;
    try {
      await this.writeBatch(counted, uncounted);
    } catch (error) {
      // A deadlock with another writer rolled the whole statement back: safe to run again.
      const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (retries > 0 && code && retryable.has(code)) return this.writeOnce(counted, uncounted, retries - 1);
      throw error;
    }
  }
}
