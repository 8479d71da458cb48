/**
 * Zone tags under load (issue 16): zone frame requests/s through AdDesk's serving handler
 * (choice from the in-memory view of 20 delivering line items, count through the group-
 * commit batcher on PostgreSQL) against a bare Node http server answering a frame of the
 * same size (L1), in one run; 2xx answers = counts in the database, exactly; and the
 * delivery split after a simulated day on a controllable clock (CPM shares against their
 * pace targets, a CPD sponsorship's whole day, an exclusive road block).
 *
 *   npx tsx bench/serving.ts
 *
 * Bounded to about 25 s of load. Uses DATABASE_URL, or creates (and drops) the database
 * addesk_serving on 127.0.0.1:5432. Writes the "## Zone serving" section of bench/RESULTS.md.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { eq, inArray, sql, sum } from "drizzle-orm";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { deliveryDaily, lineItems } from "@/db/schema";
import type { Priority, ServingLineItem, ZoneFit } from "@/lib/serving/choose-creative";
import { frameDocument } from "@/lib/serving/frame-document";
import { ServingView } from "@/lib/serving/serving-view";
import { simulateServing } from "@/lib/serving/simulate-serving";
import { signZoneToken } from "@/lib/serving/zone-token";
import { noStoreHeaders } from "@/server/pixel-response";
import { createServingHandler } from "@/server/serving-handler";
import { createTracking } from "@/server/tracking";
import { makeTrackedLineItem, makeTrackingPublisher } from "@/test/fixtures/tracking";
import type { PhaseResult } from "./pixel/load";
import { close, fmt, listen, measured, runLoad } from "./shared/load-client";
import { dropLocalDatabase, recreateLocalDatabase } from "./shared/postgres";
import { writeResultsSection } from "./shared/results-file";

const connections = 50;
const warmupSeconds = 2;
const measureSeconds = 8;
const lineItemCount = 20;
const tempDatabase = "addesk_serving";
const priorities: Priority[] = ["very_low", "low", "normal", "high", "very_high"];

const load = (url: string, headers: Record<string, string>) =>
  runLoad({ url, connections, warmupSeconds, measureSeconds, headers });

async function main() {
  const ownDatabase = !process.env.DATABASE_URL;
  if (ownDatabase) {
    recreateLocalDatabase(tempDatabase);
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${tempDatabase}`;
  }
  process.env.TRACKING_SECRET ??= randomBytes(32).toString("base64url");
  await migrateDatabase();
  console.log("migrated; booking line items");
  const fx = await makeTrackingPublisher(db);
  try {
    const ids: number[] = [];
    for (let i = 0; i < lineItemCount; i++) {
      const item = await makeTrackedLineItem(db, fx);
      // Far from their pace target (a long flight, a large booking): every request is filled.
      await db
        .update(lineItems)
        .set({ priority: priorities[i % priorities.length], quantity: 1_000_000_000 })
        .where(eq(lineItems.id, item.lineItemId));
      ids.push(item.lineItemId);
    }
    process.exitCode = (await run(fx.zone.id, ids)) ? 0 : 1;
  } finally {
    await fx.remove().catch(() => {});
    await closeDb();
    if (ownDatabase) dropLocalDatabase(tempDatabase);
  }
}

/** The delivery split after a simulated day, from the pure chooser on a controllable clock. */
function simulatedDay() {
  const day = 86_400_000;
  const start = Date.UTC(2030, 0, 1);
  const zone: ZoneFit = { width: null, height: null, kinds: [] };
  const flightDays = 10;
  const items: ServingLineItem[] = Array.from({ length: lineItemCount }, (_, i) => ({
    id: i + 1,
    model: "cpm",
    priority: priorities[i % priorities.length],
    countries: ["US"],
    flightStart: start,
    flightEnd: start + flightDays * day - 1,
    quantity: (i + 1) * 2_000,
    dailyCap: null,
    // Day 4 of 10, each on its pace so far.
    deliveredImpressions: (i + 1) * 2_000 * 0.3,
    deliveredClicks: 0,
    todayImpressions: 0,
    todayClicks: 0,
    creatives: [{ id: (i + 1) * 100, kind: "text", width: null, height: null, reviewStatus: "approved" }],
  }));
  const needed = items.reduce((n, li) => n + li.quantity / flightDays, 0);
  const requests = Math.round(needed * 2);
  const from = start + 3 * day;
  const cpm = simulateServing(items, zone, { from, to: from + day, requests, country: "US" });
  const errors = items.map((li) => {
    const target = li.quantity / flightDays;
    return ((cpm.served.get(li.id) ?? 0) - target) / target;
  });
  const worst = Math.max(...errors.map(Math.abs));
  const sponsor: ServingLineItem = {
    ...items[0],
    id: 1000,
    model: "cpd",
    quantity: flightDays,
    deliveredImpressions: 0,
  };
  const cpd = simulateServing([...items, sponsor], zone, {
    from,
    to: from + day,
    requests: 20_000,
    country: "US",
  });
  const roadBlock: ServingLineItem = {
    ...items[0],
    id: 2000,
    priority: "exclusive",
    quantity: 10_000_000,
    deliveredImpressions: 0,
  };
  const exclusive = simulateServing([...items, sponsor, roadBlock], zone, {
    from,
    to: from + day,
    requests: 20_000,
    country: "US",
  });
  return {
    requests,
    needed,
    unfilled: cpm.unfilled,
    worst,
    within: errors.filter((e) => Math.abs(e) <= 0.03).length,
    cpdShare: (cpd.served.get(1000) ?? 0) / cpd.requests,
    exclusiveShare: (exclusive.served.get(2000) ?? 0) / exclusive.requests,
  };
}

async function run(zoneId: number, ids: number[]): Promise<boolean> {
  const token = signZoneToken({ zoneId });
  const headers = { "CF-IPCountry": "US" };
  // L1: bare Node http answering a frame document of the same size, no work.
  const frame = Buffer.from(
    frameDocument(
      {
        id: 1,
        name: "Banner",
        kind: "text",
        width: null,
        height: null,
        body: "Hello",
        mimeType: null,
        filePath: null,
        bytes: null,
        clickUrl: "https://advertiser.example/landing?utm=addesk",
      },
      1,
      `/s/c/${"x".repeat(44)}`,
      `/s/a/${"x".repeat(44)}`,
    ),
  );
  const bare = await listen((_req, res) => {
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(frame.length),
      ...noStoreHeaders,
    });
    res.end(frame);
  });
  // L3: the serving handler as server/serving.ts builds it, on the tracking batcher, on PostgreSQL.
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
  const view = new ServingView();
  const handle = createServingHandler({
    view,
    batcher: tracking.batcher,
    cache: tracking.cache,
    country: (req) => (req.headers["cf-ipcountry"] as string | undefined) ?? null,
  });
  const served = await listen((req, res) => {
    if (!handle(req, res)) res.writeHead(404).end();
  });

  console.log("measuring L1, then L3");
  const l1 = measured(await load(`http://127.0.0.1:${bare.port}/s/f/${token}`, headers));
  console.log(`L1 ${fmt(l1.rps)} req/s; measuring L3`);
  const phases = await load(`http://127.0.0.1:${served.port}/s/f/${token}`, headers);
  const l3 = measured(phases);
  await close(bare.server);
  await close(served.server);
  await tracking.close();
  view.close();

  const [counted] = await db
    .select({ impressions: sum(deliveryDaily.impressions).mapWith(Number) })
    .from(deliveryDaily)
    .where(inArray(deliveryDaily.lineItemId, ids));
  const perItem = await db
    .select({ id: lineItems.id, priority: lineItems.priority, delivered: lineItems.deliveredImpressions })
    .from(lineItems)
    .where(inArray(lineItems.id, ids));
  const delivered = perItem.reduce((n, r) => n + r.delivered, 0);
  const answered = phases.reduce((n, p) => n + p.ok, 0);
  const failed = phases.reduce((n, p) => n + p.non2xx + p.errors, 0);
  const exact = answered === counted.impressions && answered === delivered;
  const byPriority = priorities.map((p) => ({
    p,
    n: perItem.filter((r) => r.priority === p).reduce((n, r) => n + r.delivered, 0),
  }));
  console.log("simulating a day");
  const day = simulatedDay();
  const ok = exact && day.within === lineItemCount && day.cpdShare === 1 && day.exclusiveShare === 1;

  const [{ version }] = (await db.execute(sql`select version()`)).rows as { version: string }[];
  const line = (name: string, p: PhaseResult) =>
    `| ${name} | ${fmt(p.rps)} | ${fmt(p.p50, 1)} | ${fmt(p.p99, 1)} | ${fmt(p.requests)} | ${fmt(p.seconds, 1)} | ${fmt(p.non2xx + p.errors)} |`;
  const table = [
    "| level | req/s | p50 ms | p99 ms | requests | seconds | non-2xx + errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
    line("L1 bare node:http, a frame of the same size", l1),
    line(
      `L3 AdDesk /s/f zone frame, ${lineItemCount} delivering line items, on PostgreSQL (L3/L1 ${(l3.rps / l1.rps).toFixed(2)})`,
      l3,
    ),
  ];
  const summary = [
    `- **L3/L1 = ${(l3.rps / l1.rps).toFixed(2)}** (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores at the end; the servers, the load generator and PostgreSQL share them, so compare ratios, not absolute numbers).`,
    `- Counts: ${fmt(answered)} 2xx zone-frame answers (warm-up and measured), ${fmt(counted.impressions)} impressions in delivery_daily, ` +
      `${fmt(delivered)} in line_items.delivered_impressions: ${exact ? "exact, no count lost or added" : "MISMATCH"}; ${fmt(failed)} non-2xx or failed.`,
    `- Split of the live run by priority (4 line items each, all far behind pace): ${byPriority.map(({ p, n }) => `${p} ${fmt(n)}`).join(", ")}.`,
    `- Group commit: ${fmt(batches)} batch statements for ${fmt(batchedHits)} hits (${fmt(batchedHits / Math.max(batches, 1), 1)} per statement, ` +
      `${fmt(batchMs / Math.max(batches, 1), 1)} ms per write on average); the choice reads no database (in-memory view re-read once a second). ` +
      "Each answer waits for its batch's commit and one batch is written at a time, so under load L3 is bounded by connections ÷ commit time, not by the choice (≈ 20 µs of CPU for 20 line items).",
    `- Simulated day (pure chooser, controllable clock, day 4 of a 10-day flight, ${fmt(day.requests)} requests for ${fmt(day.needed)} needed): ` +
      `${day.within}/${lineItemCount} CPM line items within 3% of their pace target (worst ${(day.worst * 100).toFixed(2)}%), ${fmt(day.unfilled)} requests left to the fallback; ` +
      `a CPD sponsorship took ${(day.cpdShare * 100).toFixed(1)}% of its day; an exclusive took ${(day.exclusiveShare * 100).toFixed(1)}%.`,
    `- Load: autocannon, ${connections} connections, keep-alive, in a separate process; ≈ ${warmupSeconds} s warm-up then ≈ ${measureSeconds} s measured per level. ` +
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${version.split(" on ")[0]}.`,
  ];
  const section = [
    "## Zone serving",
    "",
    `Run ${new Date().toISOString()} with \`npx tsx bench/serving.ts\`.`,
    "",
    ...table,
    "",
    ...summary,
    "",
  ];
  console.log(["", ...table, "", ...summary].join("\n"));
  writeResultsSection("Zone serving", section.join("\n"));
  return ok;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
