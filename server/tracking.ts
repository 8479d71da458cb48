import type { IncomingMessage, ServerResponse } from "node:http";
import type { RecordResult } from "@/lib/tracking/delivery-batcher";
import { DeliveryBatcher, type DeliveryBatcherOptions } from "@/lib/tracking/delivery-batcher";
import { ServingCache } from "@/lib/tracking/serving-cache";
import type { TrackingKind } from "@/lib/tracking/token";
import { createTrackingHandler, type TrackingHandler } from "./tracking-handler";

export type Tracking = {
  handle: TrackingHandler;
  batcher: DeliveryBatcher;
  cache: ServingCache;
  /** Stops counting new hits, commits the accepted ones, stops the cache refresh. */
  close: () => Promise<void>;
};

export type TrackingOptions = Omit<DeliveryBatcherOptions, "cache"> & {
  /** Told each recorded hit's outcome (metrics); must be cheap, it runs on every hit. */
  onHit?: (kind: TrackingKind, result: RecordResult) => void;
};

export function createTracking({ onHit, ...options }: TrackingOptions = {}): Tracking {
  const cache = new ServingCache();
  const batcher = new DeliveryBatcher({ ...options, cache });
  return {
    handle: createTrackingHandler({ batcher, cache, onHit }),
    batcher,
    cache,
    close: async () => {
      await batcher.close();
      cache.close();
    },
  };
}

let tracking: Tracking | undefined;
let processOptions: TrackingOptions = {};

/** Options for the process's tracking endpoints (server.ts: metrics hooks), before the first hit. */
export function configureTracking(options: TrackingOptions) {
  processOptions = options;
}

/** The process's tracking (its batcher also counts the zone tags' impressions and clicks). */
export function processTracking(): Tracking {
  tracking ??= createTracking(processOptions);
  return tracking;
}

/** The process's tracking endpoints, started on the first `/t/` request. */
export function handleTracking(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith("/t/")) return false;
  return processTracking().handle(req, res);
}

export async function closeTracking(): Promise<void> {
  await tracking?.close();
}
