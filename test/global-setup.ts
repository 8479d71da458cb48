import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { closeDb, dbHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { committingDatabaseUrl } from "./database-urls";

/**
 * Migrates one in-memory PGlite and writes its dump for every test file's database to start
 * from (PGLITE_SNAPSHOT, read by db/index.ts): a fresh database plus 20-odd migrations took
 * ≈ 8–12 s per test file on this 2-core machine, loading the dump ≈ 1–2 s.
 */
async function migratedPgliteSnapshot() {
  process.env.PGLITE_DIR = "memory://";
  try {
    await migrateDatabase();
    const dump = await dbHandle().pglite!.dumpDataDir("none");
    // One file per run: another run's setup must never rewrite it while this run's workers read it.
    const file = path.resolve(`.data/test/pglite-migrated-${process.pid}.tar`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    // Test workers start after global setup and inherit this.
    process.env.PGLITE_SNAPSHOT = file;
    return () => rmSync(file, { force: true });
  } finally {
    await closeDb();
    delete process.env.PGLITE_DIR;
  }
}

/**
 * On PostgreSQL the schema is migrated once for all workers, in the main test database and
 * in a fresh one for the committing test files. On PGlite every worker has its own
 * in-memory database, started from one migrated snapshot (test/db.ts then finds nothing to migrate).
 */
export default async function globalSetup() {
  const base = process.env.DATABASE_URL;
  if (!base) return migratedPgliteSnapshot();
  await migrateDatabase();
  await closeDb();
  const own = committingDatabaseUrl(base)!;
  const name = new URL(own).pathname.slice(1);
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  process.env.DATABASE_URL = own;
  try {
    await migrateDatabase();
    await closeDb();
  } finally {
    process.env.DATABASE_URL = base;
  }
}
