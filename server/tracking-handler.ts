import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/core/logger";
import { type DeliveryBatcher, type RecordResult, TrackingClosed } from "@/lib/tracking/delivery-batcher";
import type { ServingCache } from "@/lib/tracking/serving-cache";
import { type TrackingKind, type TrackingTarget, verifyTrackingToken } from "@/lib/tracking/token";
import { noStoreHeaders, sendPixel } from "./pixel-response";

export type TrackingHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const kindsByPath: Record<string, TrackingKind | undefined> = {
  i: "impression",
  c: "click",
  v: "conversion",
};
const maxUrlLength = 2048;
/** Where a click on a creative that is not approved lands when its zone's site has no URL. */
const adNotAvailable = "This ad is not available.";

function plain(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    ...noStoreHeaders,
    ...headers,
  });
  res.end(body);
}

/** `/t/i/<token>.gif`, `/t/c/<token>`, `/t/v/<token>.gif`; the query string is ignored. */
function parse(url: string): TrackingTarget | null {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const kind = kindsByPath[path[3]];
  if (!kind || path[4] !== "/") return null;
  let token = path.slice(5);
  if (kind !== "click") {
    if (!token.endsWith(".gif")) return null;
    token = token.slice(0, -4);
  }
  const target = verifyTrackingToken(token);
  return target?.kind === kind ? target : null;
}

type TrackingDeps = {
  batcher: DeliveryBatcher;
  cache: ServingCache;
  onHit?: (kind: TrackingKind, result: RecordResult) => void;
};

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  { batcher, cache, onHit }: TrackingDeps,
) {
  if (url.length > maxUrlLength) return plain(res, 414, "URI too long");
  if (req.method !== "GET" && req.method !== "HEAD") {
    return plain(res, 405, "Method not allowed", { Allow: "GET, HEAD" });
  }
  const head = req.method === "HEAD";
  const target = parse(url);
  if (!target) return plain(res, 404, "Not found");
  // Both looked up together, so a cold cache costs one round of queries, not two.
  const [lineItem, creative] = await Promise.all([
    cache.lineItem(target.lineItemId),
    cache.creative(target.creativeId),
  ]);
  if (!lineItem || !creative || creative.publisherId !== lineItem.publisherId) {
    return plain(res, 404, "Not found");
  }
  const approved = creative.reviewStatus === "approved";
  if (target.kind === "click" && approved && !creative.clickUrl) return plain(res, 404, "Not found");
  // HEAD answers like GET but counts nothing: link checkers and prefetchers are not views.
  if (!head) {
    const result = await batcher.record(target);
    onHit?.(target.kind, result);
  }
  if (target.kind !== "click") return sendPixel(res, head);
  // A creative that is not approved must not send anyone to its landing page.
  const location = approved ? creative.clickUrl : lineItem.propertyUrl;
  if (!location) return plain(res, 200, adNotAvailable);
  res.writeHead(302, { Location: location, "Content-Length": "0", ...noStoreHeaders });
  res.end();
}

/**
 * The tracking endpoints as a plain Node handler, answered before Next.js sees the
 * request. Returns false for any other path. A hit is answered only after its count is
 * committed; if the write fails the answer is 503, so the client may retry.
 */
export function createTrackingHandler(deps: TrackingDeps): TrackingHandler {
  return (req, res) => {
    const url = req.url;
    if (url === undefined || !url.startsWith("/t/")) return false;
    serve(req, res, url, deps).catch((error: unknown) => {
      if (!(error instanceof TrackingClosed)) logger.error({ err: error }, "tracking: hit not recorded");
      plain(res, 503, "Try again", { "Retry-After": "1" });
    });
    return true;
  };
}
