import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "@/lib/auth/trust-proxy";
import { packagedCountryLookup, visitorCountry } from "./visitor-country";

const request = (headers: Record<string, string>, remoteAddress = "81.2.69.142") =>
  ({ headers, socket: { remoteAddress } }) as never;
const trustProxy = parseTrustProxy(undefined);

describe("visitor country", () => {
  it("looks the address up in the packaged table, with no network", () => {
    expect(packagedCountryLookup("81.2.69.142")).toBe("GB");
    expect(packagedCountryLookup("::ffff:8.8.8.8")).toBe("US");
    expect(packagedCountryLookup("127.0.0.1")).toBeNull();
    expect(packagedCountryLookup("not an address")).toBeNull();
  });

  it("takes the trusted header when configured, and no country for its unknown values", () => {
    const header = "CF-IPCountry";
    expect(visitorCountry(request({ "cf-ipcountry": "de" }), { header, trustProxy })).toBe("DE");
    expect(visitorCountry(request({ "cf-ipcountry": "XX" }), { header, trustProxy })).toBeNull();
    expect(visitorCountry(request({ "cf-ipcountry": "T1" }), { header, trustProxy })).toBeNull();
    expect(visitorCountry(request({ "cf-ipcountry": "<script>" }), { header, trustProxy })).toBeNull();
    // No header (not through the proxy): the address decides.
    expect(visitorCountry(request({}), { header, trustProxy })).toBe("GB");
  });

  it("ignores the header when none is configured, so a visitor cannot choose a country", () => {
    expect(visitorCountry(request({ "cf-ipcountry": "US" }), { trustProxy })).toBe("GB");
    expect(visitorCountry(request({ "x-forwarded-for": "8.8.8.8" }, "127.0.0.1"), { trustProxy })).toBeNull();
  });
});
