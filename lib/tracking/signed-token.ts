import { createHmac, timingSafeEqual } from "node:crypto";
import { trackingSecret } from "@/lib/core/env";

/**
 * Short signed tokens in URLs (tracking pixels and links, zone tags, newsletter opens): a
 * fixed-size binary payload and a 16-byte HMAC-SHA256 under the tracking secret, as
 * unpadded base64url. Each kind of token signs under its own domain, so one can never
 * stand for another.
 */
const macBytes = 16;
const maxId = 0xffff_ffff;
const base64url = /^[A-Za-z0-9_-]+$/;

/** The token's length for a payload of `payloadBytes`. */
export const signedTokenLength = (payloadBytes: number) => Math.ceil(((payloadBytes + macBytes) * 4) / 3);

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

/** Ids in tokens are written as uint32; anything else is a bug in the caller. */
export function assertTokenId(name: string, value: number) {
  if (!Number.isInteger(value) || value < 1 || value > maxId)
    throw new RangeError(`${name} out of range: ${value}`);
}

export function signedTokens(domainName: string) {
  const domain = Buffer.from(`${domainName}\0`);
  const mac = (payload: Buffer, secret: string) =>
    createHmac("sha256", key(secret)).update(domain).update(payload).digest().subarray(0, macBytes);
  return {
    sign(payload: Buffer, secret = defaultSecret()): string {
      return Buffer.concat([payload, mac(payload, secret)]).toString("base64url");
    },
    /** The payload of a token of exactly `payloadBytes` with a valid MAC; null for anything forged, truncated, padded or malformed. */
    open(token: string, payloadBytes: number, secret = defaultSecret()): Buffer | null {
      if (token.length !== signedTokenLength(payloadBytes) || !base64url.test(token)) return null;
      const buf = Buffer.from(token, "base64url");
      // Non-canonical encodings (stray low bits in the last character) decode to the same bytes: refuse them.
      if (buf.length !== payloadBytes + macBytes || buf.toString("base64url") !== token) return null;
      const payload = buf.subarray(0, payloadBytes);
      return timingSafeEqual(buf.subarray(payloadBytes), mac(payload, secret)) ? payload : null;
    },
  };
}
