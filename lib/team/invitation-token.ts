import { createHash, randomBytes } from "node:crypto";

/** Only the hash is stored, so a leaked database does not leak usable invitation links. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
export const newToken = () => randomBytes(24).toString("base64url");
