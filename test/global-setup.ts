import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";

/**
 * On PostgreSQL the schema is migrated once for all workers. On PGlite every worker
 * has its own in-memory database, migrated by test/setup.ts.
 */
export default async function globalSetup() {
  if (!process.env.DATABASE_URL) return;
  await migrateDatabase();
  await closeDb();
}
