import { sql } from "drizzle-orm";
import { db } from "@/db";

// A refused sign-in is counted for rate limiting on purpose: that write is the point.
const writtenOnRefusal = new Set(["login_failures"]);

let query: ReturnType<typeof sql.raw> | undefined;

/**
 * One hash per table of everything in it. Two equal fingerprints mean nothing was
 * inserted, updated or deleted in between (small test databases only: it reads every row).
 */
export async function fingerprint(): Promise<Record<string, string>> {
  if (!query) {
    const { rows } = await db.execute<{ name: string }>(
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    const columns = rows
      .filter((row) => !writtenOnRefusal.has(row.name))
      .map(
        ({ name }) =>
          `(select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from "${name}" t) as "${name}"`,
      );
    query = sql.raw(`select ${columns.join(", ")}`);
  }
  const { rows } = await db.execute<Record<string, string>>(query);
  return rows[0];
}

/** The tables whose contents differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}
