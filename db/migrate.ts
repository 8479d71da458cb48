import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Client } from "pg";
import { databaseUrl } from "@/lib/core/env";
import { dbHandle } from "./index";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations; safe to call at every start. */
export async function migrateDatabase(): Promise<void> {
  const { db, driver } = dbHandle();
  if (driver === "pg") await migratePg(db, { migrationsFolder });
  else await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
}

/**
 * Runs `fn` while no other AdDesk instance on the same PostgreSQL database runs its own
 * start-up preparation: instances started together (compose, a rolling deploy) migrate
 * and seed one after the other, the later ones finding the work done. A session advisory
 * lock on a connection of its own, released when that connection ends. PGlite serves one
 * process, so there is nothing to wait for.
 */
export async function withStartupLock<T>(fn: () => Promise<T>): Promise<T> {
  const url = databaseUrl();
  if (!url) return fn();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('addesk:startup'))");
    return await fn();
  } finally {
    await client.end();
  }
}
