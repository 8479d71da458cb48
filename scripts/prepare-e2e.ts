import { rmSync } from "node:fs";
import { Client } from "pg";
import { e2eDatabaseUrl } from "../e2e/database-url";

/** A clean slate for each e2e run: a fresh PGlite directory, or a fresh PostgreSQL database. */
async function main() {
  rmSync(".data/e2e", { recursive: true, force: true });
  const target = e2eDatabaseUrl();
  if (!target || !process.env.DATABASE_URL) return;
  const name = new URL(target).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  console.log(`e2e database: ${name}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
