import { db, dbHandle, type Transaction } from "@/db";
import { migrateDatabase } from "@/db/migrate";

const state = globalThis as unknown as { addeskTestMigrated?: Promise<void> };

/** Migrates this worker's database once (PGlite); PostgreSQL was migrated in global setup. */
export function ready(): Promise<void> {
  state.addeskTestMigrated ??= dbHandle().driver === "pglite" ? migrateDatabase() : Promise.resolve();
  return state.addeskTestMigrated;
}

class Rollback extends Error {}

/**
 * Runs `fn` in a transaction that is always rolled back, so tests see a real
 * database and leave nothing behind.
 */
export async function inRollback<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
  await ready();
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

export const driver = () => dbHandle().driver;
