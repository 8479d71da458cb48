import { createHmac, timingSafeEqual } from "node:crypto";
import { trackingSecret } from "@/lib/core/env";

/**
 * Signed tokens of the zone tags, in the style of the tracking tokens (lib/tracking/token.ts)
 * and under the same secret, with their own domain so the two can never stand for each other.
 *
 * - zone token: which zone a tag asks for; lives as long as the tag (the publisher pastes it once).
 * - open token: which creative one view showed (zone, line item, creative) and until when a
 *   click on it counts; the frame's link carries it, so the click goes to what was seen.
 */
export type ZoneTarget = { zoneId: number };
export type OpenTarget = { zoneId: number; lineItemId: number; creativeId: number; expiresAt: number };

const domain = Buffer.from("addesk/serving/v1\0");
const macBytes = 16;
const zoneCode = 1;
const openCode = 2;
const zonePayload = 5; // code · zone id
const openPayload = 17; // code · zone id · line item id · creative id · expiry (minutes since epoch)
const minute = 60_000;
const maxId = 0xffff_ffff;
/** How long a click on a served creative counts: a day covers a page left open. */
export const openTokenLifetimeMs = 24 * 60 * minute;

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

function sign(payload: Buffer, secret: string): string {
  return Buffer.concat([payload, mac(payload, secret)]).toString("base64url");
}

const base64url = /^[A-Za-z0-9_-]+$/;

/** The payload of a well-formed token of `payloadBytes` with a valid MAC, else null. */
function open(token: string, payloadBytes: number, code: number, secret: string): Buffer | null {
  const bytes = payloadBytes + macBytes;
  if (token.length !== Math.ceil((bytes * 4) / 3) || !base64url.test(token)) return null;
  const buf = Buffer.from(token, "base64url");
  if (buf.length !== bytes || buf.toString("base64url") !== token || buf[0] !== code) return null;
  const payload = buf.subarray(0, payloadBytes);
  if (!timingSafeEqual(buf.subarray(payloadBytes), mac(payload, secret))) return null;
  return payload;
}

export function signZoneToken({ zoneId }: ZoneTarget, secret = defaultSecret()): string {
  assertId("zoneId", zoneId);
  const buf = Buffer.alloc(zonePayload);
  buf[0] = zoneCode;
  buf.writeUInt32BE(zoneId, 1);
  return sign(buf, secret);
}

/** The zone, or null for anything forged, truncated, padded or malformed. */
export function verifyZoneToken(token: string, secret = defaultSecret()): ZoneTarget | null {
  const payload = open(token, zonePayload, zoneCode, secret);
  if (!payload) return null;
  const zoneId = payload.readUInt32BE(1);
  return zoneId < 1 ? null : { zoneId };
}

export function signOpenToken(
  target: Omit<OpenTarget, "expiresAt">,
  now: number,
  secret = defaultSecret(),
): string {
  assertId("zoneId", target.zoneId);
  assertId("lineItemId", target.lineItemId);
  assertId("creativeId", target.creativeId);
  const buf = Buffer.alloc(openPayload);
  buf[0] = openCode;
  buf.writeUInt32BE(target.zoneId, 1);
  buf.writeUInt32BE(target.lineItemId, 5);
  buf.writeUInt32BE(target.creativeId, 9);
  buf.writeUInt32BE(Math.ceil((now + openTokenLifetimeMs) / minute), 13);
  return sign(buf, secret);
}

/**
 * What was shown, or null for a forged or malformed open token. An expired one is still
 * returned (the click may go on to the ad) with `expired`: it no longer counts.
 */
export function verifyOpenToken(
  token: string,
  now: number,
  secret = defaultSecret(),
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
