import { createHmac, timingSafeEqual } from "node:crypto";
import { trackingSecret } from "@/lib/core/env";

export type TrackingKind = "impression" | "click" | "conversion";
export type TrackingTarget = { kind: TrackingKind; lineItemId: number; creativeId: number };

// Token layout: kind (1 byte) · line item id (uint32 BE) · creative id (uint32 BE) · MAC (16 bytes).
const kindCodes: Record<TrackingKind, number> = { impression: 1, click: 2, conversion: 3 };
const kindsByCode: readonly (TrackingKind | undefined)[] = [undefined, "impression", "click", "conversion"];
const payloadBytes = 9;
const macBytes = 16;
const tokenBytes = payloadBytes + macBytes;
/** base64url of 25 bytes, unpadded. */
export const trackingTokenLength = Math.ceil((tokenBytes * 4) / 3);
const maxId = 0xffff_ffff;

// Keeps tracking MACs distinct from anything else ever signed with the same secret.
const domain = Buffer.from("addesk/tracking/v1\0");

// The secret is fixed for the life of the process; reading it from the environment per hit costs more than the MAC.
let processSecret: string | undefined;
const defaultSecret = () => {
  processSecret ??= trackingSecret();
  return processSecret;
};

let cachedKey: { secret: string; key: Buffer } | undefined;
function key(secret: string): Buffer {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: Buffer.from(secret) };
  return cachedKey.key;
}

function mac(payload: Buffer, secret: string): Buffer {
  return createHmac("sha256", key(secret)).update(domain).update(payload).digest().subarray(0, macBytes);
}

function assertId(name: string, value: number) {
  if (!Number.isInteger(value) || value < 1 || value > maxId)
    throw new RangeError(`${name} out of range: ${value}`);
}

export function signTrackingToken(target: TrackingTarget, secret = defaultSecret()): string {
  assertId("lineItemId", target.lineItemId);
  assertId("creativeId", target.creativeId);
  const buf = Buffer.alloc(tokenBytes);
  buf[0] = kindCodes[target.kind];
  buf.writeUInt32BE(target.lineItemId, 1);
  buf.writeUInt32BE(target.creativeId, 5);
  mac(buf.subarray(0, payloadBytes), secret).copy(buf, payloadBytes);
  return buf.toString("base64url");
}

const base64url = /^[A-Za-z0-9_-]+$/;

/** The signed target, or null for anything forged, truncated, padded or malformed. */
export function verifyTrackingToken(token: string, secret = defaultSecret()): TrackingTarget | null {
  if (token.length !== trackingTokenLength || !base64url.test(token)) return null;
  const buf = Buffer.from(token, "base64url");
  // Non-canonical encodings (stray low bits in the last character) decode to the same bytes: refuse them.
  if (buf.length !== tokenBytes || buf.toString("base64url") !== token) return null;
  const payload = buf.subarray(0, payloadBytes);
  if (!timingSafeEqual(buf.subarray(payloadBytes), mac(payload, secret))) return null;
  const kind = kindsByCode[buf[0]];
  const lineItemId = buf.readUInt32BE(1);
  const creativeId = buf.readUInt32BE(5);
  if (!kind || lineItemId < 1 || creativeId < 1) return null;
  return { kind, lineItemId, creativeId };
}

export type TrackingUrls = { impressionPixel: string; clickLink: string; conversionPixel: string };

export function trackingUrls(appUrl: string, lineItemId: number, creativeId: number): TrackingUrls {
  const base = appUrl.replace(/\/+$/, "");
  const token = (kind: TrackingKind) => signTrackingToken({ kind, lineItemId, creativeId });
  return {
    impressionPixel: `${base}/t/i/${token("impression")}.gif`,
    clickLink: `${base}/t/c/${token("click")}`,
    conversionPixel: `${base}/t/v/${token("conversion")}.gif`,
  };
}
