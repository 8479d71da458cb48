import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Queryable } from "./index";

/** When the newest committed migration was generated (drizzle's journal), read once. */
let newest: number | undefined;
function newestMigration(): number {
  if (newest === undefined) {
    const journal = JSON.parse(
      readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8"),
    ) as { entries: { when: number }[] };
    newest = Math.max(...journal.entries.map((entry) => entry.when));
  }
  return newest;
}

/** Whether this database has every committed migration (drizzle records each by its journal time). */
export async function migrationsApplied(db: Queryable): Promise<boolean> {
  const result = await db.execute(
    sql`select coalesce(max(created_at), 0)::bigint as applied from drizzle.__drizzle_migrations`,
  );
  return Number((result.rows[0] as { applied: string | number }).applied) >= newestMigration();
}
