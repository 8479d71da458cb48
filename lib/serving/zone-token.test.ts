import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signTrackingToken } from "@/lib/tracking/token";
import {
  openTokenLifetimeMs,
  signOpenToken,
  signZoneToken,
  verifyOpenToken,
  verifyZoneToken,
} from "./zone-token";

const secret = "test-secret";
const now = Date.UTC(2030, 0, 1);

describe("zone and open tokens", () => {
  it("round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xffff_ffff }), (zoneId) => {
        expect(verifyZoneToken(signZoneToken({ zoneId }, secret), secret)).toEqual({ zoneId });
      }),
    );
    const open = signOpenToken({ zoneId: 7, lineItemId: 8, creativeId: 9 }, now, secret);
    expect(verifyOpenToken(open, now, secret)).toMatchObject({
      zoneId: 7,
      lineItemId: 8,
      creativeId: 9,
      expired: false,
    });
  });

  it("expires an open token after its lifetime", () => {
    const open = signOpenToken({ zoneId: 7, lineItemId: 8, creativeId: 9 }, now, secret);
    expect(verifyOpenToken(open, now + openTokenLifetimeMs + 60_000, secret)?.expired).toBe(true);
  });

  it("refuses forged, truncated, other-secret and other-kind tokens", () => {
    const token = signZoneToken({ zoneId: 42 }, secret);
    const open = signOpenToken({ zoneId: 42, lineItemId: 1, creativeId: 1 }, now, secret);
    for (const bad of [
      token.slice(0, -1),
      `${token}A`,
      `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`,
      signZoneToken({ zoneId: 42 }, "another secret"),
      "",
      "!".repeat(token.length),
      open,
      signTrackingToken({ kind: "impression", lineItemId: 42, creativeId: 1 }, secret),
    ]) {
      expect(verifyZoneToken(bad, secret), bad).toBeNull();
    }
    expect(verifyOpenToken(token, now, secret)).toBeNull();
    expect(verifyOpenToken(open.slice(0, -2), now, secret)).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (junk) => {
        expect(verifyZoneToken(junk, secret)).toBeNull();
      }),
    );
  });
});
