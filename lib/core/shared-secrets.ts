import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { appSecrets } from "@/db/schema";
import { dataDir } from "./env";

/**
 * The secrets every app instance must agree on. Each is taken from the environment when
 * set; otherwise it is generated once into the database by whichever instance starts first
 * and read back by all others, so sessions, pixel tokens and server actions work on any
 * instance. `legacyFile` is where older versions kept it in .data/, carried over so an
 * upgrade keeps people signed in.
 */
export const sharedSecrets = [
  { env: "AUTH_SECRET", legacyFile: "auth-secret", generate: () => randomBytes(32).toString("base64url") },
  {
    env: "TRACKING_SECRET",
    legacyFile: "tracking-secret",
    generate: () => randomBytes(32).toString("base64url"),
  },
  // Next.js wants a base64 AES-256 key here.
  { env: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", generate: () => randomBytes(32).toString("base64") },
] as const;

function legacyValue(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const file = path.join(/*turbopackIgnore: true*/ dataDir(), fileName);
  return existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined;
}

/**
 * Resolves the shared secrets into process.env; must run before Next starts (server.ts),
 * since Next reads NEXT_SERVER_ACTIONS_ENCRYPTION_KEY from the environment.
 */
export async function resolveSharedSecrets(
  db: Queryable,
  env: Record<string, string | undefined> = process.env,
) {
  const missing = sharedSecrets.filter((secret) => !env[secret.env]);
  if (missing.length === 0) return;
  // Insert-if-absent then read: two instances starting together both end up with the first one's value.
  await db
    .insert(appSecrets)
    .values(
      missing.map((secret) => ({
        name: secret.env,
        value: legacyValue("legacyFile" in secret ? secret.legacyFile : undefined) ?? secret.generate(),
      })),
    )
    .onConflictDoNothing({ target: appSecrets.name });
  const rows = await db
    .select()
    .from(appSecrets)
    .where(
      inArray(
        appSecrets.name,
        missing.map((secret) => secret.env),
      ),
    );
  for (const row of rows) env[row.name] = row.value;
}
