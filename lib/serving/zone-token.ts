import { assertTokenId, signedTokens } from "@/lib/tracking/signed-token";

/**
 * Signed tokens of the zone tags (lib/tracking/signed-token.ts, like the tracking tokens)
 * and under the same secret, with their own domain so the two can never stand for each other.
 *
 * - zone token: which zone a tag asks for; lives as long as the tag (the publisher pastes it once).
 * - open token: which creative one view showed (zone, line item, creative) and until when a
 *   click on it counts; the frame's link carries it, so the click goes to what was seen.
 */
export type ZoneTarget = { zoneId: number };
export type OpenTarget = { zoneId: number; lineItemId: number; creativeId: number; expiresAt: number };

const tokens = signedTokens("addesk/serving/v1");
const zoneCode = 1;
const openCode = 2;
const zonePayload = 5; // code · zone id
const openPayload = 17; // code · zone id · line item id · creative id · expiry (minutes since epoch)
const minute = 60_000;
/** How long a click on a served creative counts: a day covers a page left open. */
export const openTokenLifetimeMs = 24 * 60 * minute;

/** The payload of a valid token of this kind (`code`), else null. */
function open(token: string, payloadBytes: number, code: number, secret?: string): Buffer | null {
  const payload = tokens.open(token, payloadBytes, secret);
  return payload && payload[0] === code ? payload : null;
}

export function signZoneToken({ zoneId }: ZoneTarget, secret?: string): string {
  assertTokenId("zoneId", zoneId);
  const buf = Buffer.alloc(zonePayload);
  buf[0] = zoneCode;
  buf.writeUInt32BE(zoneId, 1);
  return tokens.sign(buf, secret);
}

/** The zone, or null for anything forged, truncated, padded or malformed. */
export function verifyZoneToken(token: string, secret?: string): ZoneTarget | null {
  const payload = open(token, zonePayload, zoneCode, secret);
  if (!payload) return null;
  const zoneId = payload.readUInt32BE(1);
  return zoneId < 1 ? null : { zoneId };
}

export function signOpenToken(target: Omit<OpenTarget, "expiresAt">, now: number, secret?: string): string {
  assertTokenId("zoneId", target.zoneId);
  assertTokenId("lineItemId", target.lineItemId);
  assertTokenId("creativeId", target.creativeId);
  const buf = Buffer.alloc(openPayload);
  buf[0] = openCode;
  buf.writeUInt32BE(target.zoneId, 1);
  buf.writeUInt32BE(target.lineItemId, 5);
  buf.writeUInt32BE(target.creativeId, 9);
  buf.writeUInt32BE(Math.ceil((now + openTokenLifetimeMs) / minute), 13);
  return tokens.sign(buf, secret);
}

/**
 * What was shown, or null for a forged or malformed open token. An expired one is still
 * returned (the click may go on to the ad) with `expired`: it no longer counts.
 */
export function verifyOpenToken(
  token: string,
  now: number,
  secret?: string,
): (OpenTarget & { expired: boolean }) | null {
  const payload = open(token, openPayload, openCode, secret);
  if (!payload) return null;
  const target = {
    zoneId: payload.readUInt32BE(1),
    lineItemId: payload.readUInt32BE(5),
    creativeId: payload.readUInt32BE(9),
    expiresAt: payload.readUInt32BE(13) * minute,
  };
  if (target.zoneId < 1 || target.lineItemId < 1 || target.creativeId < 1) return null;
  return { ...target, expired: now > target.expiresAt };
}
