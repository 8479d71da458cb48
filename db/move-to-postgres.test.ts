import { rmSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestTables, pgliteRunner, seededPgliteDir } from "@/test/fixtures/embedded";
import { newPglite } from "./index";
import { inForeignKeyOrder, moveToPostgres } from "./move-to-postgres";

/** The local PostgreSQL server the move is tested against; its own database is created and dropped here. */
const server =
  process.env.MOVE_TEST_PG ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const targetName = `addesk_ops_move_${process.pid}`;
const targetUrl = (() => {
  const url = new URL(server);
  url.pathname = `/${targetName}`;
  return url.toString();
})();

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const reachable = await admin(async () => true).catch(() => false);
if (!reachable) console.log(`skipped: no PostgreSQL server answers at ${new URL(server).host} to move into`);

describe("inForeignKeyOrder", () => {
  it("puts every table after the tables it references, whatever order they come in", () => {
    const refs = [
      { from: "orders", to: "advertisers" },
      { from: "advertisers", to: "publishers" },
      { from: "line_items", to: "orders" },
      { from: "orders", to: "orders" },
    ];
    const order = inForeignKeyOrder(["line_items", "orders", "publishers", "advertisers"], refs);
    for (const { from, to } of refs)
      if (from !== to) expect(order.indexOf(from)).toBeGreaterThan(order.indexOf(to));
    expect(order).toHaveLength(4);
  });
});

describe.skipIf(!reachable)("npm run move-to-postgres (local PostgreSQL)", () => {
  let source: string;
  beforeAll(async () => {
    source = await seededPgliteDir();
    await admin((c) => c.query(`drop database if exists ${targetName}`));
    await admin((c) => c.query(`create database ${targetName}`));
  }, 180_000);
  afterAll(async () => {
    await admin((c) => c.query(`drop database if exists ${targetName} with (force)`));
    if (source) rmSync(path.dirname(source), { recursive: true, force: true });
  });

  it("copies every table's rows, keeps ids and files, advances sequences, and refuses to run twice", async () => {
    const report = await moveToPostgres(source, targetUrl);
    const client = newPglite(source);
    const before = await digestTables(pgliteRunner(client)).finally(() => client.close());
    const target = new Client({ connectionString: targetUrl });
    await target.connect();
    try {
      const after = await digestTables(async (text) => (await target.query(text)).rows);
      expect(after).toEqual(before);
      expect(report.tables.find((t) => t.name === "orders")?.rows).toBe(before.orders.rows);
      // The uploaded file's bytes arrived intact.
      const file = await target.query(
        "select length(bytes) as n from creative_files where key = 'fixture.png'",
      );
      expect(Number(file.rows[0].n)).toBeGreaterThan(50);
      // The same migrations made the schema: all of them are recorded as applied.
      const migrations = await target.query("select count(*)::int as n from drizzle.__drizzle_migrations");
      expect(migrations.rows[0].n).toBeGreaterThan(10);
      // A new row gets the next id, not one that collides with a copied row.
      const [{ max }] = (await target.query("select max(id)::int as max from publishers")).rows;
      const inserted = await target.query(
        "insert into publishers (name, slug) values ('After the move', 'after-the-move') returning id",
      );
      expect(inserted.rows[0].id).toBeGreaterThan(max);
    } finally {
      await target.end();
    }
    await expect(moveToPostgres(source, targetUrl)).rejects.toThrow(/not empty/);
  });
});
