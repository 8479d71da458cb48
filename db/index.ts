import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import {
  drizzle as drizzleNodePg,
  type NodePgDatabase,
  type NodePgQueryResultHKT,
} from "drizzle-orm/node-postgres";
import type { PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { databaseUrl, pgliteDir } from "@/lib/core/env";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = PgTransaction<
  NodePgQueryResultHKT,
  typeof schema,
  ExtractTablesWithRelations<typeof schema>
>;
/** Anything a verb can query through: the database or a transaction on it. */
export type Queryable = Database | Transaction;

type Handle = {
  db: Database;
  driver: "pg" | "pglite";
  close: () => Promise<void>;
  /** The embedded database itself (PGlite only), for a backup taken while the app runs (db/backup.ts). */
  pglite?: PGlite;
};

// One handle per process: Next's bundles and the custom server load this module
// separately, and PGlite must only ever be opened once.
const globalForDb = globalThis as unknown as { addeskDb?: Handle };

function openPg(url: string): Handle {
  const pool = new Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  const db = drizzleNodePg({ client: pool, schema, casing: "snake_case" });
  return { db, driver: "pg", close: () => pool.end() };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The live process holding the embedded database at `dir`, if any. */
export function pgliteDirHolder(dir: string): number | null {
  const lockFile = `${dir}.lock`;
  if (!existsSync(lockFile)) return null;
  const holder = Number(readFileSync(lockFile, "utf8"));
  return holder && holder !== process.pid && processIsAlive(holder) ? holder : null;
}

/** PGlite has no locking of its own; two processes on one directory corrupt it. */
export function lockPgliteDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  const holder = pgliteDirHolder(dir);
  if (holder) {
    throw new Error(
      `The embedded database at ${dir} is already open in process ${holder}. ` +
        "Stop that process first, or set DATABASE_URL to use a PostgreSQL server.",
    );
  }
  mkdirSync(path.dirname(lockFile), { recursive: true });
  writeFileSync(lockFile, String(process.pid));
  const release = () => rmSync(lockFile, { force: true });
  process.once("exit", release);
  return release;
}

/** PGlite as the app opens it: pg_trgm backs keyword search (on a server it ships with PostgreSQL's contrib). */
export function newPglite(dir: string | undefined, options: { loadDataDir?: Blob } = {}): PGlite {
  return new PGlite(dir, { extensions: { pg_trgm }, ...options });
}

function openPglite(dir: string): Handle {
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? () => {} : lockPgliteDir(dir);
  // A throwaway database may start from a dump (PGLITE_SNAPSHOT, a `dumpDataDir` tar): the unit
  // tests migrate one database once and start every test file's from it, seconds faster each.
  const snapshot = inMemory ? process.env.PGLITE_SNAPSHOT : undefined;
  const client = newPglite(dir, snapshot ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {});
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function dbHandle(): Handle {
  if (!globalForDb.addeskDb) {
    const url = databaseUrl();
    globalForDb.addeskDb = url ? openPg(url) : openPglite(pgliteDir());
  }
  return globalForDb.addeskDb;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.addeskDb;
  globalForDb.addeskDb = undefined;
  await handle?.close();
}

/** The one database. Opened on first use, so importing this module never connects. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = dbHandle().db;
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export { schema };
