/**
 * The pixel bar (DESIGN.md §11): tracked impressions/s ≥ 50% of a bare Node http server
 * returning the same GIF, with 2xx responses = counts in the database, exactly.
 *
 *   npx tsx bench/pixel/run.ts
 *
 * Uses DATABASE_URL, or creates (and drops) the database addesk_bench_pixel on
 * 127.0.0.1:5432. Writes its figures to the "## Pixel" section of bench/RESULTS.md.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { eq, sql, sum } from "drizzle-orm";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { deliveryDaily, lineItems } from "@/db/schema";
import { trackingUrls } from "@/lib/tracking/token";
import { sendPixel } from "@/server/pixel-response";
import { createTracking } from "@/server/tracking";
import { makeTrackedLineItem, makeTrackingPublisher } from "@/test/fixtures/tracking";
import { close, fmt, listen, measured, runLoad } from "../shared/load-client";
import { dropLocalDatabase, recreateLocalDatabase } from "../shared/postgres";
import { writeResultsSection } from "../shared/results-file";
import type { PhaseResult } from "./load";

const connections = 50;
const warmupSeconds = 3;
const measureSeconds = 10;
const rounds = 3;
const tempDatabase = "addesk_bench_pixel";

const load = (url: string) => runLoad({ url, connections, warmupSeconds, measureSeconds });

async function main() {
  const ownDatabase = !process.env.DATABASE_URL;
  if (ownDatabase) {
    recreateLocalDatabase(tempDatabase);
    // Before the first use of `db`, which reads DATABASE_URL then.
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${tempDatabase}`;
  }
  process.env.TRACKING_SECRET ??= randomBytes(32).toString("base64url");
  await migrateDatabase();
  const fx = await makeTrackingPublisher(db);
  const item = await makeTrackedLineItem(db, fx);
  try {
    process.exitCode = (await run(item)) ? 0 : 1;
  } finally {
    await fx.remove().catch(() => {});
    await closeDb();
    if (ownDatabase) dropLocalDatabase(tempDatabase);
  }
}

type Round = { l1: PhaseResult; l3: PhaseResult; ratio: number };

/**
 * Runs L1 and L3 in alternation, `rounds` times (the machine is shared, so one pair of
 * numbers can catch a noisy moment), prints and writes the figures; true when the
 * counts are exact.
 */
async function run(item: { lineItemId: number; creativeId: number }): Promise<boolean> {
  const pixelPath = new URL(trackingUrls("http://x", item.lineItemId, item.creativeId).impressionPixel)
    .pathname;
  // L1: bare Node http, same GIF and headers, no work.
  const bare = await listen((req, res) => sendPixel(res, req.method === "HEAD"));
  // L3: AdDesk's tracking handler and batcher, built as server.ts builds them, on PostgreSQL.
  let batches = 0;
  let batchedHits = 0;
  let batchMs = 0;
  const tracking = createTracking({
    onBatch: ({ hits, ms }) => {
      batches++;
      batchedHits += hits;
      batchMs += ms;
    },
  });
  const tracked = await listen((req, res) => {
    if (!tracking.handle(req, res)) res.writeHead(404).end();
  });

  const l3Phases: PhaseResult[] = [];
  const results: Round[] = [];
  for (let round = 1; round <= rounds; round++) {
    const l1 = measured(await load(`http://127.0.0.1:${bare.port}${pixelPath}`));
    const phases = await load(`http://127.0.0.1:${tracked.port}${pixelPath}`);
    l3Phases.push(...phases);
    const l3 = measured(phases);
    results.push({ l1, l3, ratio: l3.rps / l1.rps });
    console.log(
      `round ${round}: L1 ${fmt(l1.rps)} req/s, L3 ${fmt(l3.rps)} req/s, L3/L1 ${(l3.rps / l1.rps).toFixed(2)}`,
    );
  }
  await close(bare.server);
  await close(tracked.server);
  await tracking.close();

  const [counted] = await db
    .select({ impressions: sum(deliveryDaily.impressions).mapWith(Number) })
    .from(deliveryDaily)
    .where(eq(deliveryDaily.lineItemId, item.lineItemId));
  const [lineItem] = await db
    .select({ delivered: lineItems.deliveredImpressions })
    .from(lineItems)
    .where(eq(lineItems.id, item.lineItemId));
  const answered = l3Phases.reduce((n, p) => n + p.ok, 0);
  const failed = l3Phases.reduce((n, p) => n + p.non2xx + p.errors, 0);
  const exact = answered === counted.impressions && answered === lineItem.delivered;

  const [{ version }] = (await db.execute(sql`select version()`)).rows as { version: string }[];
  const median = [...results].sort((a, b) => a.ratio - b.ratio)[Math.floor(results.length / 2)];
  const line = (name: string, p: PhaseResult) =>
    `| ${name} | ${fmt(p.rps)} | ${fmt(p.p50, 1)} | ${fmt(p.p99, 1)} | ${fmt(p.requests)} | ${fmt(p.seconds, 1)} | ${fmt(p.non2xx + p.errors)} |`;
  const table = [
    "| round · level | req/s | p50 ms | p99 ms | requests | seconds | non-2xx + errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...results.flatMap((r, i) => [
      line(`${i + 1} · L1 bare node:http, same GIF + headers`, r.l1),
      line(`${i + 1} · L3 AdDesk /t/i pixel on PostgreSQL (L3/L1 ${r.ratio.toFixed(2)})`, r.l3),
    ]),
    "| L2 Next.js route handler | in *Pixel across instances* (`bench/pixel/cluster.ts`, on a production build) | | | | | |",
  ];
  const summary = [
    `- **L3/L1 = ${median.ratio.toFixed(2)}** (median of ${rounds} rounds: ${results.map((r) => r.ratio.toFixed(2)).join(", ")}; ` +
      `target ≥ 0.50: ${median.ratio >= 0.5 ? "met" : "NOT met"}). Median round: L1 ${fmt(median.l1.rps)} req/s, L3 ${fmt(median.l3.rps)} req/s.`,
    `- Counts: ${fmt(answered)} 2xx answers to L3 pixel requests (all phases of all rounds), ` +
      `${fmt(counted.impressions)} impressions in delivery_daily, ${fmt(lineItem.delivered)} in line_items.delivered_impressions: ` +
      `${exact ? "exact, no count lost or added" : "MISMATCH"}; ${fmt(failed)} non-2xx or failed requests.`,
    `- Group commit: ${fmt(batches)} batch statements for ${fmt(batchedHits)} hits ` +
      `(${fmt(batchedHits / Math.max(batches, 1), 1)} hits per statement, ${fmt(batchMs / Math.max(batches, 1), 1)} ms per write on average).`,
    `- Load: autocannon, ${connections} connections, keep-alive, no pipelining, in a separate process; per level and round ` +
      `a warm-up of ≈ ${warmupSeconds} s, then ≈ ${measureSeconds} s measured. Each phase sends a fixed number of requests ` +
      "(sized from the previous phase's rate), so no request is abandoned in flight and the count check can be exact.",
    "- L3 runs the same `createTracking()` handler and batcher that server.ts mounts, in a plain node:http server " +
      "without Next.js (in server.ts, Next never sees /t/ requests either).",
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${os.loadavg()[0].toFixed(1)} at the end, ` +
      `Node ${process.version}, ${version.split(" on ")[0]}; the servers, the load generator and PostgreSQL share these cores.`,
  ];
  const section = [
    "## Pixel",
    "",
    `Run ${new Date().toISOString()} with \`npx tsx bench/pixel/run.ts\`.`,
    "",
    ...table,
    "",
    ...summary,
    "",
  ];
  console.log(["", ...table, "", ...summary].join("\n"));
  writeResultsSection("Pixel", section.join("\n"));
  return exact;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
