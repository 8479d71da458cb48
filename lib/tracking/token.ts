import { assertTokenId, signedTokenLength, signedTokens } from "./signed-token";

export type TrackingKind = "impression" | "click" | "conversion";
export type TrackingTarget = { kind: TrackingKind; lineItemId: number; creativeId: number };

// Token layout: kind (1 byte) · line item id (uint32 BE) · creative id (uint32 BE) · MAC (16 bytes).
const kindCodes: Record<TrackingKind, number> = { impression: 1, click: 2, conversion: 3 };
const kindsByCode: readonly (TrackingKind | undefined)[] = [undefined, "impression", "click", "conversion"];
const payloadBytes = 9;
/** base64url of 25 bytes, unpadded. */
export const trackingTokenLength = signedTokenLength(payloadBytes);

const tokens = signedTokens("addesk/tracking/v1");

export function signTrackingToken(target: TrackingTarget, secret?: string): string {
  assertTokenId("lineItemId", target.lineItemId);
  assertTokenId("creativeId", target.creativeId);
  const payload = Buffer.alloc(payloadBytes);
  payload[0] = kindCodes[target.kind];
  payload.writeUInt32BE(target.lineItemId, 1);
  payload.writeUInt32BE(target.creativeId, 5);
  return tokens.sign(payload, secret);
}

/** The signed target, or null for anything forged, truncated, padded or malformed. */
export function verifyTrackingToken(token: string, secret?: string): TrackingTarget | null {
  const payload = tokens.open(token, payloadBytes, secret);
  if (!payload) return null;
  const kind = kindsByCode[payload[0]];
  const lineItemId = payload.readUInt32BE(1);
  const creativeId = payload.readUInt32BE(5);
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
