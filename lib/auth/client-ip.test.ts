import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { parseTrustProxy } from "./trust-proxy";

const request = (remoteAddress: string | undefined, forwardedFor?: string) => ({
  socket: { remoteAddress } as never,
  headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
});

describe("clientIp", () => {
  it.each([
    // TRUST_PROXY, socket, X-Forwarded-For, client
    [undefined, "203.0.113.9", "198.51.100.1", "203.0.113.9"],
    ["", "127.0.0.1", "198.51.100.1, 10.0.0.2", "127.0.0.1"],
    ["0", "127.0.0.1", "198.51.100.1", "127.0.0.1"],
    ["1", "127.0.0.1", undefined, "127.0.0.1"],
    ["1", "127.0.0.1", "198.51.100.1", "198.51.100.1"],
    ["1", "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"],
    ["2", "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"],
    ["5", "127.0.0.1", "198.51.100.1, 10.0.0.2", "198.51.100.1"],
    ["1", "127.0.0.1", " , 198.51.100.1 ,", "198.51.100.1"],
    ["loopback", "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"],
    ["loopback", "::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"],
    ["loopback", "::1", "2001:db8::5", "2001:db8::5"],
    ["loopback", "203.0.113.9", "198.51.100.1", "203.0.113.9"],
    ["loopback, 10.0.0.0/8", "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2, 10.9.9.9", "198.51.100.1"],
    ["10.0.0.0/8,127.0.0.1", "127.0.0.1", "10.1.1.1, 10.0.0.2", "10.1.1.1"],
    ["uniquelocal", "10.0.0.1", "not-an-ip, 198.51.100.1", "198.51.100.1"],
    ["2001:db8::/32", "2001:db8::1", "2001:db8::2, 198.51.100.1", "198.51.100.1"],
  ])("TRUST_PROXY=%j, socket %s, X-Forwarded-For %j → %s", (setting, socket, forwardedFor, expected) => {
    expect(clientIp(request(socket, forwardedFor), parseTrustProxy(setting))).toBe(expected);
  });

  it("reads several X-Forwarded-For headers as one list", () => {
    const req = {
      socket: { remoteAddress: "127.0.0.1" } as never,
      headers: { "x-forwarded-for": ["6.6.6.6", "198.51.100.1"] },
    };
    expect(clientIp(req as never, parseTrustProxy("1"))).toBe("198.51.100.1");
  });

  it("says unknown when the socket has no address (it closed)", () => {
    expect(clientIp(request(undefined, "198.51.100.1"), parseTrustProxy(undefined))).toBe("unknown");
  });
});

describe("parseTrustProxy", () => {
  it.each([
    "true",
    "10.0.0.0/33",
    "::1/129",
    "10.0.0.0/8/8",
    "proxy.local",
    "10.0.0.0/x",
    "1.5",
    "loopback,",
  ])("refuses %j with a message naming the setting", (setting) => {
    expect(() => parseTrustProxy(setting)).toThrow(/^TRUST_PROXY: /);
  });
});
