import type { IncomingMessage } from "node:http";
import type { ProxyTrust } from "./trust-proxy";

/**
 * The custom server (server.ts) overwrites this header with clientIp() on every
 * request, so clients cannot choose the IP that rate limiting counts against.
 */
export const clientIpHeader = "x-addesk-client-ip";

/**
 * The address rate limits count against. Walks from the socket's peer back through
 * X-Forwarded-For (right to left) while each hop is a trusted proxy, and returns the
 * first address that is not, as proxy-addr does. With no trusted proxy that is the
 * socket's address, whatever the headers claim.
 */
export function clientIp(req: Pick<IncomingMessage, "headers" | "socket">, trust: ProxyTrust): string {
  const forwarded = req.headers["x-forwarded-for"];
  const chain = [
    req.socket.remoteAddress ?? "unknown",
    ...(Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .reverse(),
  ];
  let hop = 0;
  while (hop < chain.length - 1 && trust(chain[hop], hop)) hop++;
  return chain[hop];
}
