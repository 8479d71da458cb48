import { rmSync } from "node:fs";
import { Client } from "pg";
import { e2eDatabaseUrl, emptyDatabaseSuffix } from "../e2e/database-url";

/**
 * A clean slate for each e2e run, for both e2e servers (the demo desk and the empty
 * first-run one): fresh PGlite directories, or fresh PostgreSQL databases.
 */
async function main() {
  rmSync(".data/e2e", { recursive: true, force: true });
  rmSync(".data/e2e-empty", { recursive: true, force: true });
  if (!process.env.DATABASE_URL) return;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    for (const suffix of ["_e2e", emptyDatabaseSuffix]) {
      const name = new URL(e2eDatabaseUrl(process.env.DATABASE_URL, suffix)!).pathname.slice(1);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      console.log(`e2e database: ${name}`);
    }
  } finally {
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
