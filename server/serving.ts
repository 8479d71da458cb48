import type { IncomingMessage, ServerResponse } from "node:http";
import type { ProxyTrust } from "@/lib/auth/trust-proxy";
import { ServingView } from "@/lib/serving/serving-view";
import { StoredOpens } from "@/lib/serving/stored-opens";
import { createServingHandler, type ServingHandler } from "./serving-handler";
import { processTracking } from "./tracking";
import { visitorCountry } from "./visitor-country";

let serving: { handle: ServingHandler; view: ServingView; storedOpens: StoredOpens } | undefined;

/**
 * The process's zone tag endpoints (`/s/…`), started on the first request. They count
 * through the tracking endpoints' batcher, so `closeTracking` commits their counts too.
 * COUNTRY_HEADER names a header the proxy in front sets to the visitor's country.
 */
export function handleServing(req: IncomingMessage, res: ServerResponse, trustProxy: ProxyTrust): boolean {
  if (!req.url?.startsWith("/s/")) return false;
  if (!serving) {
    const tracking = processTracking();
    const view = new ServingView();
    const header = process.env.COUNTRY_HEADER?.trim() || undefined;
    const storedOpens = new StoredOpens();
    serving = {
      view,
      storedOpens,
      handle: createServingHandler({
        view,
        storedOpens,
        batcher: tracking.batcher,
        cache: tracking.cache,
        country: (request) => visitorCountry(request, { header, trustProxy }),
      }),
    };
  }
  return serving.handle(req, res);
}

/** Stops refreshing the view and writes the newsletter opens still waiting. */
export async function closeServing() {
  serving?.view.close();
  await serving?.storedOpens.flush();
}
