import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Runtime paths, not build inputs: turbopackIgnore keeps Next from tracing the whole project for them.

/** Where AdDesk keeps local state (PGlite data, generated secrets, uploads). */
export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.ADDESK_DATA_DIR ?? ".data");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function pgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(/*turbopackIgnore: true*/ dataDir(), "pglite");
}

export function uploadsDir(): string {
  const dir = path.resolve(
    /*turbopackIgnore: true*/ process.env.UPLOADS_DIR ?? path.join(dataDir(), "uploads"),
  );
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A secret from the environment — where server.ts puts the ones shared through the database
 * (lib/core/shared-secrets.ts) — or, in processes that do not start the server (build, scripts,
 * tests), one generated once into .data/.
 */
function persistentSecret(envName: string, fileName: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const file = path.join(/*turbopackIgnore: true*/ dataDir(), fileName);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process (a parallel build worker) wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  process.env[envName] = secret;
  return secret;
}

export const authSecret = () => persistentSecret("AUTH_SECRET", "auth-secret");
export const trackingSecret = () => persistentSecret("TRACKING_SECRET", "tracking-secret");

export const databaseUrl = () => process.env.DATABASE_URL || undefined;
export const smtpUrl = () => process.env.SMTP_URL || undefined;
export const appUrl = () => process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/** Whether /signup opens new publisher workspaces on this instance (off unless set to 1 or true). */
/** Webhooks and ad server connections may use http://localhost in production too (e2e's local receivers). */
export const allowLocalHooks = () => ["1", "true"].includes(process.env.ALLOW_LOCAL_HOOKS ?? "");
export const allowPublisherSignup = () => ["1", "true"].includes(process.env.ALLOW_PUBLISHER_SIGNUP ?? "");
