import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/core/logger";
import { type Choice, chooseCreative } from "@/lib/serving/choose-creative";
import {
  emptyFrameDocument,
  frameDocument,
  framePolicy,
  houseAdDocument,
  tagScript,
} from "@/lib/serving/frame-document";
import { NewsletterOpens, parseOpenId } from "@/lib/serving/newsletter-opens";
import type { ServingView, ZoneView } from "@/lib/serving/serving-view";
import type { ShownOpen, StoredOpens } from "@/lib/serving/stored-opens";
import { signOpenToken, verifyOpenToken, verifyZoneToken } from "@/lib/serving/zone-token";
import { type DeliveryBatcher, TrackingClosed } from "@/lib/tracking/delivery-batcher";
import type { ServingCache } from "@/lib/tracking/serving-cache";
import { noStoreHeaders, transparentGif } from "./pixel-response";

export type ServingHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export type ServingDeps = {
  view: ServingView;
  batcher: DeliveryBatcher;
  /** The tracking endpoints' cache: a click is checked and sent on exactly like `/t/c`. */
  cache: ServingCache;
  country: (req: IncomingMessage) => string | null;
  now?: () => number;
  random?: () => number;
  opens?: NewsletterOpens<ShownOpen>;
  /** Opens in the database, for clicks that reach another instance or come after a restart. */
  storedOpens?: StoredOpens;
};

const maxUrlLength = 2048;

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string>,
  head = false,
) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { "Content-Length": String(bytes.byteLength), ...headers });
  res.end(head ? undefined : bytes);
}

const plain = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  send(res, status, body, { "Content-Type": "text/plain; charset=utf-8", ...noStoreHeaders, ...headers });

function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { Location: location, "Content-Length": "0", ...noStoreHeaders });
  res.end();
}

type Route =
  | { kind: "frame" | "script" | "image"; token: string }
  | { kind: "asset" | "click"; token: string };

/** `/s/f/<zone>`, `/s/j/<zone>.js`, `/s/z/<zone>.png`, `/s/a/<open>`, `/s/c/<open or zone>`. */
function route(path: string): Route | null {
  if (path[2] !== "/" || path[4] !== "/") return null;
  const token = path.slice(5);
  switch (path[3]) {
    case "f":
      return { kind: "frame", token };
    case "j":
      return token.endsWith(".js") ? { kind: "script", token: token.slice(0, -3) } : null;
    case "z":
      return token.endsWith(".png") ? { kind: "image", token: token.slice(0, -4) } : null;
    case "a":
      return { kind: "asset", token };
    case "c":
      return { kind: "click", token };
    default:
      return null;
  }
}

/**
 * The zone tags' endpoints as a plain Node handler, answered before Next.js sees the
 * request (like `/t/`). The choice is made from the in-memory view (lib/serving); a shown
 * creative is counted through the tracking group-commit batcher and the answer goes out
 * only after the count is committed (503 if it could not be, so nothing uncounted is
 * shown). Nothing eligible, an unknown country or a paused order → the empty fallback;
 * a forged or truncated token → 404; never a 500.
 */
export function createServingHandler(deps: ServingDeps): ServingHandler {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const opens = deps.opens ?? new NewsletterOpens();

  async function choose(
    req: IncomingMessage,
    view: ZoneView,
    needs: "any" | "image",
    head: boolean,
  ): Promise<Choice | null> {
    // The publisher paused ads on this property: nothing is chosen, nothing counted.
    if (view.adsPaused) return null;
    const choice = chooseCreative(view.lineItems, view.fit, {
      now: now(),
      country: deps.country(req),
      needs,
      random: random(),
    });
    if (!choice || head) return choice;
    const result = await deps.batcher.record({
      kind: "impression",
      lineItemId: choice.lineItemId,
      creativeId: choice.creativeId,
    });
    // The tracking state saw a change the view has not yet: show nothing rather than an uncounted ad.
    if (!result.counted) return null;
    deps.view.counted(view.zoneId, choice.lineItemId, "impression");
    return choice;
  }

  async function click(res: ServerResponse, url: URL, token: string, head: boolean) {
    let shown: { lineItemId: number; creativeId: number; counts: boolean } | null = null;
    let zoneId: number;
    const open = verifyOpenToken(token, now());
    if (open) {
      zoneId = open.zoneId;
      shown = { ...open, counts: !open.expired };
    } else {
      const zone = verifyZoneToken(token);
      if (!zone) return plain(res, 404, "Not found");
      zoneId = zone.zoneId;
      const openId = parseOpenId(url.searchParams.get("o"));
      const recalled = openId
        ? (opens.recall(zoneId, openId, now()) ??
          (await deps.storedOpens?.recall(zoneId, openId, now())) ??
          null)
        : null;
      if (recalled) shown = { ...recalled, counts: true };
    }
    const view = await deps.view.zone(zoneId);
    if (!shown) {
      const fallback = view?.houseAd?.clickUrl ?? view?.propertyUrl;
      if (fallback) return redirect(res, fallback);
      return view ? plain(res, 200, "This ad is not available.") : plain(res, 404, "Not found");
    }
    const [lineItem, creative] = await Promise.all([
      deps.cache.lineItem(shown.lineItemId),
      deps.cache.creative(shown.creativeId),
    ]);
    if (!lineItem || !creative || creative.publisherId !== lineItem.publisherId)
      return plain(res, 404, "Not found");
    const approved = creative.reviewStatus === "approved";
    if (shown.counts && approved && creative.clickUrl && !head) {
      const result = await deps.batcher.record({ kind: "click", ...shown });
      if (result.counted) deps.view.counted(zoneId, shown.lineItemId, "click");
    }
    const location =
      approved && creative.clickUrl ? creative.clickUrl : (view?.propertyUrl ?? lineItem.propertyUrl);
    if (!location) return plain(res, 200, "This ad is not available.");
    redirect(res, location);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, rawUrl: string) {
    if (rawUrl.length > maxUrlLength) return plain(res, 414, "URI too long");
    if (req.method !== "GET" && req.method !== "HEAD") {
      return plain(res, 405, "Method not allowed", { Allow: "GET, HEAD" });
    }
    const head = req.method === "HEAD";
    const url = new URL(rawUrl, "http://serving.invalid");
    const target = route(url.pathname);
    if (!target) return plain(res, 404, "Not found");
    if (target.kind === "click") return click(res, url, target.token, head);

    if (target.kind === "asset") {
      const open = verifyOpenToken(target.token, now());
      const view = open && (await deps.view.zone(open.zoneId));
      const creative = open && view?.creatives.get(open.creativeId);
      if (!creative?.bytes || !creative.mimeType) return plain(res, 404, "Not found");
      return send(
        res,
        200,
        creative.bytes,
        {
          "Content-Type": creative.mimeType,
          "Cache-Control": "private, max-age=86400",
          "X-Content-Type-Options": "nosniff",
        },
        head,
      );
    }

    const zone = verifyZoneToken(target.token);
    const view = zone && (await deps.view.zone(zone.zoneId));
    if (!view) return plain(res, 404, "Not found");

    if (target.kind === "script") {
      const code = tagScript(
        `/s/f/${target.token}`,
        view.fit.width ?? 300,
        view.fit.height ?? 250,
        `Advertisement: ${view.name}`,
      );
      return send(
        res,
        200,
        code,
        { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=300" },
        head,
      );
    }

    if (target.kind === "frame") {
      const choice = await choose(req, view, "any", head);
      const creative = choice && view.creatives.get(choice.creativeId);
      let document = view.houseAd
        ? houseAdDocument(view.houseAd, view.fit.width, view.fit.height)
        : emptyFrameDocument;
      if (choice && creative) {
        const open = signOpenToken({ zoneId: view.zoneId, ...choice }, now());
        document = frameDocument(creative, choice.lineItemId, `/s/c/${open}`, `/s/a/${open}`);
      }
      return send(
        res,
        200,
        document,
        {
          "Content-Type": "text/html; charset=utf-8",
          "Content-Security-Policy": framePolicy,
          "X-Content-Type-Options": "nosniff",
          ...noStoreHeaders,
        },
        head,
      );
    }

    // A newsletter open: the chosen image itself, remembered for the link beside it.
    const choice = await choose(req, view, "image", head);
    const creative = choice && view.creatives.get(choice.creativeId);
    if (choice && creative?.bytes && creative.mimeType) {
      const openId = parseOpenId(url.searchParams.get("o"));
      if (openId && !head) {
        const shown = { lineItemId: choice.lineItemId, creativeId: choice.creativeId };
        opens.remember(view.zoneId, openId, shown, now());
        deps.storedOpens?.remember(view.zoneId, openId, shown, now());
      }
      return send(
        res,
        200,
        creative.bytes,
        { "Content-Type": creative.mimeType, "X-Content-Type-Options": "nosniff", ...noStoreHeaders },
        head,
      );
    }
    // Nothing booked: the house ad's image (by its own address), else a transparent pixel; neither counts.
    if (view.houseAd) return redirect(res, view.houseAd.imageUrl);
    return send(res, 200, transparentGif, { "Content-Type": "image/gif", ...noStoreHeaders }, head);
  }

  return (req, res) => {
    const url = req.url;
    if (url === undefined || !url.startsWith("/s/")) return false;
    serve(req, res, url).catch((error: unknown) => {
      if (!(error instanceof TrackingClosed)) logger.error({ err: error }, "serving: not answered");
      plain(res, 503, "Try again", { "Retry-After": "1" });
    });
    return true;
  };
}
