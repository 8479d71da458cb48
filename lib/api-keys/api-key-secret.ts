import { createHash, randomBytes } from "node:crypto";

/** Keys start with this so people (and secret scanners) recognise them. */
export const apiKeyMarker = "addesk_";

/** A new key: 32 random bytes, so a sha256 of it needs no salt or slow hash to be safe at rest. */
export function newApiKeySecret(): string {
  return apiKeyMarker + randomBytes(32).toString("base64url");
}

/** What is stored and looked up: the key itself is shown once and never kept. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The start of a key, kept in clear so people can tell their keys apart. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, apiKeyMarker.length + 6);
}
