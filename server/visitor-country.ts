import type { IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import { clientIp } from "@/lib/auth/client-ip";
import type { ProxyTrust } from "@/lib/auth/trust-proxy";
import { isKnownCountry } from "@/lib/catalog/countries";

export type CountryLookup = (ip: string) => string | null;

type GeoIp = { lookup(ip: string): { country: string } | null };
let geoip: GeoIp | undefined;

/**
 * The IP-to-country table shipped inside the `geoip-country` package (no download at run
 * time), loaded on first use: a few MB in memory, about a microsecond a lookup.
 */
export const packagedCountryLookup: CountryLookup = (ip) => {
  geoip ??= createRequire(import.meta.url)("geoip-country") as GeoIp;
  const address = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  try {
    return geoip.lookup(address)?.country ?? null;
  } catch {
    return null;
  }
};

function known(code: string | undefined | null): string | null {
  const upper = code?.trim().toUpperCase();
  return upper && isKnownCountry(upper) ? upper : null;
}

/**
 * The visitor's ISO country: from `header` when set (a header the proxy in front
 * overwrites, such as Cloudflare's `CF-IPCountry`; its "XX" and "T1" are no country), else
 * from the client's address (behind trusted proxies only, lib/auth/client-ip.ts) in the
 * packaged table. Null when neither tells: line items sold for countries are then not chosen.
 */
export function visitorCountry(
  req: Pick<IncomingMessage, "headers" | "socket">,
  {
    header,
    trustProxy,
    lookup = packagedCountryLookup,
  }: { header?: string; trustProxy: ProxyTrust; lookup?: CountryLookup },
): string | null {
  if (header) {
    const value = req.headers[header.toLowerCase()];
    const fromHeader = known(Array.isArray(value) ? value[0] : value);
    if (fromHeader) return fromHeader;
    if (value !== undefined) return null;
  }
  return known(lookup(clientIp(req, trustProxy)));
}
