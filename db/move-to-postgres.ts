import { existsSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import { lockPgliteDir, newPglite, pgliteDirHolder } from "./index";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export type MoveReport = { tables: { name: string; rows: number }[]; sequences: number };

/**
 * Orders tables so every table comes after the tables it references (self-references
 * aside: those rows go in id order within the one table).
 */
export function inForeignKeyOrder(tables: string[], references: { from: string; to: string }[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (placed.has(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const ref of references) if (ref.from === table && ref.to !== table) visit(ref.to);
    visiting.delete(table);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table);
  return ordered;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows per INSERT: tables that hold file bytes go a few rows at a time. */
const rowsPerChunk = (hasBytes: boolean) => (hasBytes ? 5 : 500);

/**
 * Copies the embedded database at `dir` into the empty PostgreSQL database at `url`:
 * the schema by the same migrations the app runs, then every table's rows in foreign-key
 * order (identity values kept), then every sequence set to where it stood, all in one
 * transaction so a failure leaves the target as empty as it was. The embedded database
 * is only read; the app must be stopped (it holds the directory).
 */
export async function moveToPostgres(dir: string, url: string): Promise<MoveReport> {
  const holder = pgliteDirHolder(dir);
  if (holder) throw new Error(`The embedded database is open in process ${holder}: stop the app first.`);
  if (!existsSync(dir)) throw new Error(`There is no embedded database at ${dir}.`);
  const target = new Client({ connectionString: url });
  await target.connect();
  const release = lockPgliteDir(dir);
  const source = newPglite(dir);
  try {
    const existing = await target.query(
      `select count(*)::int as n from information_schema.tables
       where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    if (existing.rows[0].n > 0) {
      throw new Error(
        "The target database is not empty: create a new one (createdb addesk) and move into that.",
      );
    }
    await target.query("begin");
    await migrate(drizzle({ client: target }), { migrationsFolder });
    const report = await copyRows(source, target);
    await target.query("commit");
    return report;
  } catch (error) {
    await target.query("rollback").catch(() => {});
    throw error;
  } finally {
    await source.close();
    release();
    await target.end();
  }
}

async function copyRows(source: PGlite, target: Client): Promise<MoveReport> {
  const { rows: tableRows } = await source.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public'",
  );
  const { rows: references } = await source.query<{ from: string; to: string }>(
    `select c.conrelid::regclass::text as "from", c.confrelid::regclass::text as "to"
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public'`,
  );
  const strip = (name: string) => name.replace(/^public\./, "").replaceAll('"', "");
  const order = inForeignKeyOrder(
    tableRows.map((t) => t.name),
    references.map((r) => ({ from: strip(r.from), to: strip(r.to) })),
  );
  const report: MoveReport = { tables: [], sequences: 0 };
  for (const table of order) {
    const { rows: columns } = await source.query<{ name: string; type: string; generated: string }>(
      `select attname as name, format_type(atttypid, atttypmod) as type, attgenerated as generated
       from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`,
      [quoteIdent(table)],
    );
    // Generated columns are computed again by the target.
    const copied = columns.filter((c) => c.generated === "");
    const list = copied.map((c) => quoteIdent(c.name)).join(", ");
    const chunk = rowsPerChunk(copied.some((c) => c.type === "bytea"));
    let rows = 0;
    for (let offset = 0; ; offset += chunk) {
      // JSON carries every type losslessly as text (bytea as \x hex, arrays, jsonb, enums).
      const { rows: batch } = await source.query<{ json: string }>(
        `select json_agg(row_to_json(t))::text as json from (
           select ${list} from ${quoteIdent(table)} order by ctid limit ${chunk} offset ${offset}) t`,
      );
      const json = batch[0]?.json;
      if (!json) break;
      const inserted = await target.query(
        `insert into ${quoteIdent(table)} (${list}) overriding system value
         select ${list} from json_populate_recordset(null::${quoteIdent(table)}, $1::json)`,
        [json],
      );
      rows += inserted.rowCount ?? 0;
    }
    report.tables.push({ name: table, rows });
  }
  // Every sequence (identity columns included) continues where it stood, so new ids never collide.
  const { rows: sequences } = await source.query<{ name: string; last: string | null }>(
    "select quote_ident(sequencename) as name, last_value::text as last from pg_sequences where schemaname = 'public'",
  );
  for (const sequence of sequences) {
    if (sequence.last === null) continue;
    await target.query("select setval($1::regclass, $2::bigint, true)", [
      `public.${sequence.name}`,
      sequence.last,
    ]);
    report.sequences++;
  }
  return report;
}
