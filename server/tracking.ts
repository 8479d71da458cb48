import type { IncomingMessage, ServerResponse } from "node:http";
import { DeliveryBatcher, type DeliveryBatcherOptions } from "@/lib/tracking/delivery-batcher";
import { ServingCache } from "@/lib/tracking/serving-cache";
import { createTrackingHandler, type TrackingHandler } from "./tracking-handler";

export type Tracking = {
  handle: TrackingHandler;
  batcher: DeliveryBatcher;
  cache: ServingCache;
  /** Stops counting new hits, commits the accepted ones, stops the cache refresh. */
  close: () => Promise<void>;
};

export function createTracking(options: Omit<DeliveryBatcherOptions, "cache"> = {}): Tracking {
  const cache = new ServingCache();
  const batcher = new DeliveryBatcher({ ...options, cache });
  return {
    handle: createTrackingHandler({ batcher, cache }),
    batcher,
    cache,
    close: async () => {
      await batcher.close();
      cache.close();
    },
  };
}

let tracking: Tracking | undefined;

/** The process's tracking (its batcher also counts the zone tags' impressions and clicks). */
export function processTracking(): Tracking {
  tracking ??= createTracking();
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
