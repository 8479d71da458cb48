import { Client } from "pg";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { committingDatabaseUrl } from "./database-urls";

/**
 * On PostgreSQL the schema is migrated once for all workers, in the main test database and
 * in a fresh one for the committing test files. On PGlite every worker has its own
 * in-memory database, migrated by test/db.ts.
 */
export default async function globalSetup() {
  const base = process.env.DATABASE_URL;
  if (!base) return;
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
