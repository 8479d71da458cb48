import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  signTrackingToken,
  type TrackingKind,
  trackingTokenLength,
  trackingUrls,
  verifyTrackingToken,
} from "./token";

const secret = "test-secret-for-tracking-tokens";
const kinds: TrackingKind[] = ["impression", "click", "conversion"];
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const sign = (kind: TrackingKind, lineItemId = 42, creativeId = 7) =>
  signTrackingToken({ kind, lineItemId, creativeId }, secret);

/** A token with a correct MAC over an arbitrary payload, as only the secret's holder could make. */
function signRaw(payload: Buffer) {
  const mac = createHmac("sha256", secret)
    .update(Buffer.from("addesk/tracking/v1\0"))
    .update(payload)
    .digest()
    .subarray(0, 16);
  return Buffer.concat([payload, mac]).toString("base64url");
}

describe("tracking tokens", () => {
  it("round-trips every kind and the full id range", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 0xffff_ffff }),
        fc.integer({ min: 1, max: 0xffff_ffff }),
        (kind, lineItemId, creativeId) => {
          const token = signTrackingToken({ kind, lineItemId, creativeId }, secret);
          expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(token).toHaveLength(trackingTokenLength);
          expect(verifyTrackingToken(token, secret)).toEqual({ kind, lineItemId, creativeId });
        },
      ),
    );
  });

  it("refuses a token with any one character changed", () => {
    const token = sign("impression");
    for (let i = 0; i < token.length; i++) {
      for (const c of alphabet) {
        if (c === token[i]) continue;
        const tampered = token.slice(0, i) + c + token.slice(i + 1);
        expect(verifyTrackingToken(tampered, secret), `${i}:${c}`).toBeNull();
      }
    }
  });

  it("refuses every truncation and extension", () => {
    const token = sign("click");
    for (let n = 0; n < token.length; n++) expect(verifyTrackingToken(token.slice(0, n), secret)).toBeNull();
    expect(verifyTrackingToken(`${token}A`, secret)).toBeNull();
    expect(verifyTrackingToken(`${token}=`, secret)).toBeNull();
  });

  it("refuses another secret's tokens", () => {
    expect(verifyTrackingToken(sign("impression"), "another-secret")).toBeNull();
  });

  it("refuses validly signed payloads with an unknown kind or a zero id", () => {
    const payload = (kind: number, lineItemId: number, creativeId: number) => {
      const buf = Buffer.alloc(9);
      buf[0] = kind;
      buf.writeUInt32BE(lineItemId, 1);
      buf.writeUInt32BE(creativeId, 5);
      return buf;
    };
    expect(verifyTrackingToken(signRaw(payload(2, 42, 7)), secret)).toEqual({
      kind: "click",
      lineItemId: 42,
      creativeId: 7,
    });
    for (const kind of [0, 4, 255])
      expect(verifyTrackingToken(signRaw(payload(kind, 42, 7)), secret)).toBeNull();
    expect(verifyTrackingToken(signRaw(payload(1, 0, 7)), secret)).toBeNull();
    expect(verifyTrackingToken(signRaw(payload(1, 42, 0)), secret)).toBeNull();
  });

  it("refuses malformed input without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (garbage) => {
        expect(verifyTrackingToken(garbage, secret)).toBeNull();
      }),
    );
    const token = sign("conversion");
    for (const bad of [
      "",
      " ".repeat(34),
      `${token.slice(0, 33)}+`,
      `${token.slice(0, 33)}/`,
      "%".repeat(34),
    ]) {
      expect(verifyTrackingToken(bad, secret)).toBeNull();
    }
  });

  it("refuses ids it could not encode", () => {
    expect(() => sign("impression", 0)).toThrow(RangeError);
    expect(() => sign("impression", 2 ** 32)).toThrow(RangeError);
    expect(() => sign("impression", 1.5)).toThrow(RangeError);
  });

  it("builds the three tracking URLs under the app URL", () => {
    const urls = trackingUrls("https://ads.example.com/", 42, 7);
    const token = (url: string, pattern: RegExp) => url.match(pattern)?.[1] ?? "";
    expect(urls.impressionPixel).toMatch(/^https:\/\/ads\.example\.com\/t\/i\/[A-Za-z0-9_-]{34}\.gif$/);
    expect(urls.clickLink).toMatch(/^https:\/\/ads\.example\.com\/t\/c\/[A-Za-z0-9_-]{34}$/);
    expect(urls.conversionPixel).toMatch(/^https:\/\/ads\.example\.com\/t\/v\/[A-Za-z0-9_-]{34}\.gif$/);
    expect(verifyTrackingToken(token(urls.impressionPixel, /\/t\/i\/(.+)\.gif$/))?.kind).toBe("impression");
    expect(verifyTrackingToken(token(urls.clickLink, /\/t\/c\/(.+)$/))).toEqual({
      kind: "click",
      lineItemId: 42,
      creativeId: 7,
    });
    expect(verifyTrackingToken(token(urls.conversionPixel, /\/t\/v\/(.+)\.gif$/))?.kind).toBe("conversion");
  });
});
