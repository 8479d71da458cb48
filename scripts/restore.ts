import path from "node:path";
import { restoreEmbedded } from "@/db/backup";
import { databaseUrl, pgliteDir } from "@/lib/core/env";

/** `npm run restore FILE`: a backup into an empty embedded data directory (db/backup.ts). */
async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run restore FILE");
  if (databaseUrl()) throw new Error("DATABASE_URL is set: restore restores the embedded database only.");
  const dir = pgliteDir();
  await restoreEmbedded(path.resolve(file), dir);
  console.log(`Restored ${file} into ${dir}. Start the app with npm run serve.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
