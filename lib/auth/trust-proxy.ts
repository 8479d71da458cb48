import { BlockList, isIP } from "node:net";

/** Whether the address `hop` steps from this server (0 = the socket's peer) is a proxy we trust to report the client. */
export type ProxyTrust = (address: string, hop: number) => boolean;

// The same names proxy-addr (Express's "trust proxy") understands.
const namedRanges: Record<string, string[]> = {
  loopback: ["127.0.0.1/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

function invalid(entry: string): Error {
  return new Error(
    `TRUST_PROXY: "${entry}" is not a hop count, an IP address, a CIDR range (10.0.0.0/8) or one of ${Object.keys(namedRanges).join(", ")}.`,
  );
}

function addRange(list: BlockList, entry: string) {
  const [address, prefixText, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) throw invalid(entry);
  const maxPrefix = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? "0") || prefix > maxPrefix) throw invalid(entry);
  list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Reads TRUST_PROXY: unset trusts no proxy (forwarded headers are ignored); a number
 * trusts that many hops in front of the server; otherwise a comma-separated list of
 * addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. Throws on
 * anything else, so a typo stops the server instead of silently trusting nobody.
 */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const setting = value?.trim() ?? "";
  if (setting === "") return () => false;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  const trusted = new BlockList();
  for (const entry of setting.split(",").map((e) => e.trim())) {
    for (const range of namedRanges[entry] ?? [entry]) addRange(trusted, range);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
  };
}
