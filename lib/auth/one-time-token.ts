import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets sent by email (invitation and password reset links). Only the hash is stored,
 * so a leaked database does not leak usable links.
 */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
export const newToken = () => randomBytes(24).toString("base64url");
