/**
 * Bar (DESIGN §11): the booking calendar of one zone, 90 days × 20 countries, in
 * ≤ 30 ms p95. Seeds a throwaway zone in an in-memory PGlite and, when DATABASE_URL
 * is set, on PostgreSQL (removed again afterwards), times getAvailability and records
 * the numbers in bench/RESULTS.md under "## Availability".
 *
 *   npx tsx bench/availability.ts
 */
import os from "node:os";
import { inArray, sql } from "drizzle-orm";
import { closeDb, type Database, dbHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { addDays } from "@/lib/core/days";
import { generateInventory } from "@/lib/inventory/generate-inventory";
import { getAvailability } from "@/lib/inventory/get-availability";
import { makeZone } from "@/test/fixtures/catalog";
import { writeResultsSection } from "./shared/results-file";

const BAR_P95_MS = 30;
const WARM_UP = 50;
const RUNS = 500;
const DAYS = 90;
/** Other zones sharing the table, so the read has to pick one zone out of many as in production. */
const NEIGHBOURS = 9;
const COUNTRIES = "AT BE CA CH DE DK ES FI FR GB IE IT JP NL NO NZ PL PT SE US".split(" ");
const FROM = "2030-01-01";
const TO = addDays(FROM, DAYS - 1);

type Timing = { driver: string; p50: number; p95: number; max: number };

const zoneSpec = {
  monthlyImpressions: 30_000_000,
  countryShares: Object.fromEntries(COUNTRIES.map((c) => [c, 1 / COUNTRIES.length])),
};

async function measure(driver: string, db: Database, cleanup: (publisherIds: number[]) => Promise<void>) {
  const seeded = [];
  for (let i = 0; i <= NEIGHBOURS; i++) seeded.push(await makeZone(db, zoneSpec));
  const { zone } = seeded[0];
  try {
    for (const { zone } of seeded) {
      const { created } = await generateInventory(db, zone, { from: FROM, days: DAYS });
      if (created !== DAYS * COUNTRIES.length) throw new Error(`seeded ${created} rows`);
    }
    // Some days partly sold, some sold out, as a real calendar would be.
    await db.execute(sql`
      UPDATE inventory_days SET reserved = capacity * (extract(day FROM day)::int % 11) / 10
      WHERE zone_id = ${zone.id}`);
    await db.execute(sql`ANALYZE inventory_days`);

    const query = { zoneId: zone.id, countries: COUNTRIES, from: FROM, to: TO };
    const check = await getAvailability(db, query);
    if (check.days.length !== DAYS || !check.days.some((d) => d.soldOut))
      throw new Error("unexpected calendar");
    for (let i = 0; i < WARM_UP; i++) await getAvailability(db, query);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await getAvailability(db, query);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    const timing: Timing = { driver, p50: at(0.5), p95: at(0.95), max: times[times.length - 1] };
    console.log(
      `${driver}: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms, max ${timing.max.toFixed(2)} ms`,
    );
    return timing;
  } finally {
    await cleanup(seeded.map((s) => s.publisher.id));
  }
}

/**
 * Opens the database the way the app does (db/index.ts: PGlite with its extensions, or a
 * pool on DATABASE_URL) and migrates it with the app's own migrations.
 */
async function openAsTheAppDoes(env: { DATABASE_URL?: string; PGLITE_DIR?: string }): Promise<Database> {
  await closeDb();
  if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
  else delete process.env.DATABASE_URL;
  if (env.PGLITE_DIR) process.env.PGLITE_DIR = env.PGLITE_DIR;
  await migrateDatabase();
  return dbHandle().db;
}

async function onPglite(): Promise<Timing> {
  const db = await openAsTheAppDoes({ PGLITE_DIR: "memory://" });
  try {
    return await measure("PGlite (memory://)", db, async () => {});
  } finally {
    await closeDb();
  }
}

async function onPostgres(url: string): Promise<Timing> {
  const db = await openAsTheAppDoes({ DATABASE_URL: url });
  try {
    // The zone and its inventory cascade from the publisher.
    return await measure("PostgreSQL", db, async (ids) => {
      await db.delete(schema.publishers).where(inArray(schema.publishers.id, ids));
    });
  } finally {
    await closeDb();
  }
}

function section(timings: Timing[], postgresRan: boolean): string {
  const ms = (n: number) => n.toFixed(2);
  const rows = timings.map(
    (t) =>
      `| ${t.driver} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${t.p95 <= BAR_P95_MS ? "pass" : "FAIL"} |`,
  );
  if (!postgresRan) rows.push("| PostgreSQL | – | – | – | not run: set DATABASE_URL |");
  return [
    "## Availability",
    "",
    `\`npx tsx bench/availability.ts\`: \`getAvailability\` for one zone, ${COUNTRIES.length} countries × ${DAYS} days`,
    `(${(COUNTRIES.length * DAYS).toLocaleString("en-US")} inventory rows, in a table holding ${NEIGHBOURS} other zones like it),`,
    `${RUNS} runs after ${WARM_UP} warm-up runs, one at a time.`,
    `Bar (DESIGN §11): p95 ≤ ${BAR_P95_MS} ms.`,
    "",
    "| driver | p50 ms | p95 ms | max ms | bar |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version},`,
    `load average ${os.loadavg()[0].toFixed(1)} at the end (the machine may be shared; rerun when it matters).`,
    "",
  ].join("\n");
}

async function main() {
  const url = process.env.DATABASE_URL;
  const timings = [await onPglite()];
  if (url) timings.push(await onPostgres(url));
  else console.log("PostgreSQL: skipped (set DATABASE_URL to measure it too)");
  writeResultsSection("Availability", section(timings, Boolean(url)));
  if (timings.some((t) => t.p95 > BAR_P95_MS)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
