import path from "node:path";
import { backupEmbedded } from "@/db/backup";
import { databaseUrl, pgliteDir } from "@/lib/core/env";

/** `npm run backup [FILE]`: the embedded database, files included, into one file (db/backup.ts). */
async function main() {
  if (databaseUrl()) {
    throw new Error(
      "DATABASE_URL is set: back PostgreSQL up with its own tools (pg_dump), not this command.",
    );
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15);
  const file = path.resolve(process.argv[2] ?? `addesk-backup-${stamp}.tar.gz`);
  const result = await backupEmbedded(pgliteDir(), file);
  console.log(
    `Backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, taken by the ${result.via}).`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
