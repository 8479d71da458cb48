/**
 * The pixel across app instances (issue 15): real AdDesk servers (server.ts, production
 * build) on one PostgreSQL database.
 *
 *   npm run build && npm run bench:pixel-cluster
 *
 * 1. L3, one instance vs two: total tracked hits/s, and 2xx answers = impressions counted, exactly.
 * 2. L2: the same GIF from a Next.js route handler (app/api/bench-pixel, only alive with
 *    ADDESK_BENCH_ROUTES=1) in the same server, beside L3 on the same instance, so the
 *    README can say what answering /t/ before Next's pipeline buys.
 * 3. kill -9 of one instance while both take hits: every acknowledged (2xx) hit is
 *    counted; counted − acknowledged is at most the requests in flight at the kill.
 *
 * Uses DATABASE_URL, or creates (and drops) addesk_scale_pixel on 127.0.0.1:5432. Ports
 * BENCH_PORT and BENCH_PORT+1 (default 3600). About 30 s of load in all. Writes
 * "## Pixel across instances" in bench/RESULTS.md.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sum } from "drizzle-orm";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { deliveryDaily, lineItems } from "@/db/schema";
import { trackingUrls } from "@/lib/tracking/token";
import { makeTrackedLineItem, makeTrackingPublisher } from "@/test/fixtures/tracking";
import { fmt, measured, runLoad } from "../shared/load-client";
import { dropLocalDatabase, recreateLocalDatabase } from "../shared/postgres";
import { writeResultsSection } from "../shared/results-file";
import type { PhaseResult } from "./load";

const root = path.resolve(__dirname, "..", "..");
const basePort = Number(process.env.BENCH_PORT ?? 3600);
const connections = 50;
const warmupSeconds = 2;
const measureSeconds = 6;
const killRunSeconds = 6;
const killAfterSeconds = 3;
/** Concurrent keep-alive request loops per instance in the kill run. */
const killLoops = 16;
const tempDatabase = "addesk_scale_pixel";

type Instance = { port: number; child: ChildProcess; base: string };

async function startInstance(n: number): Promise<Instance> {
  const port = basePort + n;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${basePort}`,
      ADDESK_SEED: "0",
      ADDESK_DATA_DIR: `.data/bench-cluster-${n}`,
      ADDESK_BENCH_ROUTES: "1",
      JOBS_INTERVAL_MS: "0",
    },
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { port, child, base };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`instance on ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** SIGTERM: the server stops taking requests, flushes its batcher and exits 0. */
async function stopInstance(instance: Instance): Promise<number | null> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return instance.child.exitCode;
  const exited = new Promise<number | null>((resolve) =>
    instance.child.once("exit", (code) => resolve(code)),
  );
  instance.child.kill("SIGTERM");
  return exited;
}

const load = (url: string, conns: number) =>
  runLoad({ url, connections: conns, warmupSeconds, measureSeconds });

const okOf = (phases: PhaseResult[]) => phases.reduce((n, p) => n + p.ok, 0);
const failedOf = (phases: PhaseResult[]) => phases.reduce((n, p) => n + p.non2xx + p.errors, 0);

async function counted(lineItemId: number) {
  const [daily] = await db
    .select({ impressions: sum(deliveryDaily.impressions).mapWith(Number) })
    .from(deliveryDaily)
    .where(eq(deliveryDaily.lineItemId, lineItemId));
  const [item] = await db
    .select({ delivered: lineItems.deliveredImpressions })
    .from(lineItems)
    .where(eq(lineItems.id, lineItemId));
  return { daily: daily.impressions ?? 0, total: item.delivered };
}

/**
 * Keep-alive request loops against each instance for `killRunSeconds`; `kill -9` of the
 * last instance after `killAfterSeconds`. A loop on the killed instance stops at its
 * first failure: that request was in flight (or sent after the kill, and refused).
 */
async function killRun(instances: Instance[], pixelPath: string) {
  let acknowledged = 0;
  let failed = 0;
  let sentToVictim = 0;
  let inFlightAtKill = 0;
  let killed = false;
  const inFlight = new Map<Instance, number>();
  const victim = instances.at(-1)!;
  const stopAt = Date.now() + killRunSeconds * 1000;
  const loop = async (instance: Instance) => {
    while (Date.now() < stopAt) {
      inFlight.set(instance, (inFlight.get(instance) ?? 0) + 1);
      if (instance === victim) sentToVictim++;
      try {
        const response = await fetch(`${instance.base}${pixelPath}`);
        await response.arrayBuffer();
        if (response.ok) acknowledged++;
        else failed++;
      } catch {
        failed++;
        if (instance === victim && killed) return;
      } finally {
        inFlight.set(instance, inFlight.get(instance)! - 1);
      }
    }
  };
  const loops = instances.flatMap((instance) => Array.from({ length: killLoops }, () => loop(instance)));
  const killer = new Promise<void>((resolve) =>
    setTimeout(() => {
      inFlightAtKill = inFlight.get(victim) ?? 0;
      victim.child.kill("SIGKILL");
      killed = true;
      resolve();
    }, killAfterSeconds * 1000),
  );
  await Promise.all([...loops, killer]);
  return { acknowledged, failed, sentToVictim, inFlightAtKill };
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (the instances are real servers).");
  }
  const ownDatabase = !process.env.DATABASE_URL;
  if (ownDatabase) {
    recreateLocalDatabase(tempDatabase);
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${tempDatabase}`;
  }
  // Shared by every instance through the environment, as an operator would set it.
  process.env.TRACKING_SECRET ??= randomBytes(32).toString("base64url");
  await migrateDatabase();
  const fx = await makeTrackingPublisher(db);
  const throughputItem = await makeTrackedLineItem(db, fx);
  const killItem = await makeTrackedLineItem(db, fx);
  const pathOf = (item: { lineItemId: number; creativeId: number }) =>
    new URL(trackingUrls("http://x", item.lineItemId, item.creativeId).impressionPixel).pathname;
  const instances: Instance[] = [];
  let ok = false;
  try {
    instances.push(await startInstance(0), await startInstance(1));
    const [a, b] = instances;
    const pixel = pathOf(throughputItem);

    const one = await load(`${a.base}${pixel}`, connections);
    console.log(`L3, one instance: ${fmt(measured(one).rps)} hits/s`);
    const two = await Promise.all([
      load(`${a.base}${pixel}`, connections / 2),
      load(`${b.base}${pixel}`, connections / 2),
    ]);
    const twoRps = two.reduce((n, phases) => n + measured(phases).rps, 0);
    console.log(`L3, two instances: ${fmt(twoRps)} hits/s in all`);
    const l2 = await load(`${a.base}/api/bench-pixel`, connections);
    console.log(`L2, Next.js route handler: ${fmt(measured(l2).rps)} req/s`);

    const answered = okOf(one) + two.reduce((n, phases) => n + okOf(phases), 0);
    const failedRequests = failedOf(one) + two.reduce((n, phases) => n + failedOf(phases), 0);
    // Every 2xx was sent after its hit committed (server/tracking-handler.ts), so no wait is needed.
    const throughputCount = await counted(throughputItem.lineItemId);
    const exact = throughputCount.daily === answered && throughputCount.total === answered;
    console.log(
      `counts: ${fmt(answered)} 2xx, ${fmt(throughputCount.daily)} in delivery_daily, ${fmt(throughputCount.total)} on the line item: ${exact ? "exact" : "MISMATCH"}`,
    );

    const kill = await killRun(instances, pathOf(killItem));
    const survivorExit = await stopInstance(a);
    const killCount = await counted(killItem.lineItemId);
    const extra = killCount.daily - kill.acknowledged;
    const killOk =
      killCount.daily === killCount.total && extra >= 0 && extra <= kill.inFlightAtKill && survivorExit === 0;
    console.log(
      `kill -9: ${fmt(kill.acknowledged)} acknowledged, ${fmt(killCount.daily)} counted (${extra} more; ` +
        `${kill.inFlightAtKill} requests in flight at the kill), survivor exited ${survivorExit}: ${killOk ? "ok" : "FAILED"}`,
    );
    ok = exact && killOk && failedRequests === 0;

    const l3One = measured(one);
    const l2m = measured(l2);
    const section = [
      "## Pixel across instances",
      "",
      `\`npm run build && npm run bench:pixel-cluster\` (bench/pixel/cluster.ts) — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ` +
        `load average ${os
          .loadavg()
          .map((n) => n.toFixed(1))
          .join(", ")} at the end, ${os.cpus().length} CPUs, Node ${process.version}. ` +
        "Real AdDesk servers (`server.ts`, production build, job runner off) on one PostgreSQL database; " +
        `load from autocannon in separate processes, ${connections} keep-alive connections in all, ` +
        `≈ ${warmupSeconds} s warm-up then ≈ ${measureSeconds} s measured per phase. Every process — servers, load generators, ` +
        "PostgreSQL — shares the same cores, so a second instance adds no CPU here: the two-instance row shows that the " +
        "instances share one database correctly, not how far they scale (on separate machines each carries its own).",
      "",
      "| phase | hits/s | p50 ms | p99 ms | 2xx | non-2xx + errors |",
      "|---|---:|---:|---:|---:|---:|",
      `| L3 \`/t/i\`, one instance | ${fmt(l3One.rps)} | ${fmt(l3One.p50, 1)} | ${fmt(l3One.p99, 1)} | ${fmt(okOf(one))} | ${fmt(failedOf(one))} |`,
      `| L3 \`/t/i\`, two instances (sum) | ${fmt(twoRps)} | ${two.map((p) => fmt(measured(p).p50, 1)).join(" / ")} | ${two.map((p) => fmt(measured(p).p99, 1)).join(" / ")} | ${fmt(two.reduce((n, p) => n + okOf(p), 0))} | ${fmt(two.reduce((n, p) => n + failedOf(p), 0))} |`,
      `| L2 Next.js route handler, same GIF (\`/api/bench-pixel\`), one instance | ${fmt(l2m.rps)} | ${fmt(l2m.p50, 1)} | ${fmt(l2m.p99, 1)} | ${fmt(okOf(l2))} | ${fmt(failedOf(l2))} |`,
      "",
      `- **Counts across instances:** ${fmt(answered)} 2xx answers to L3 hits (all phases), ${fmt(throughputCount.daily)} impressions in delivery_daily, ` +
        `${fmt(throughputCount.total)} in line_items.delivered_impressions: ${exact ? "exact" : "MISMATCH"}.`,
      `- **L2 vs L3 on the same instance:** the Next.js route handler answers ${fmt(l2m.rps)} req/s doing nothing but the GIF; ` +
        `the tracked pixel in server.ts answers ${fmt(l3One.rps)} hits/s while verifying the token and committing every hit ` +
        `(L3/L2 ${(l3One.rps / l2m.rps).toFixed(2)}). ${
          l2m.rps < l3One.rps
            ? "Next's request pipeline alone costs more than AdDesk's whole counting path: that is what answering /t/ in server.ts buys."
            : "Here Next's pipeline costs less than the counting path, so the custom server buys less than the token check and the commit cost."
        }`,
      `- **kill -9 mid-run:** ${killLoops} keep-alive loops per instance for ${killRunSeconds} s, the second instance killed after ${killAfterSeconds} s. ` +
        `${fmt(kill.acknowledged)} hits acknowledged (2xx) in all, ${fmt(killCount.daily)} counted (delivery_daily = line item total: ` +
        `${killCount.daily === killCount.total ? "yes" : "NO"}); counted − acknowledged = ${extra}, with ${kill.inFlightAtKill} requests in flight ` +
        `at the kill: ${extra >= 0 && extra <= kill.inFlightAtKill ? "no acknowledged hit lost; the difference is only hits committed whose answer died with the process" : "FAILED"}. ` +
        `The survivor then stopped on SIGTERM with exit code ${survivorExit}. Why: the tracking handler answers only after the batch holding the hit commits.`,
      "",
    ].join("\n");
    writeResultsSection("Pixel across instances", section);
  } finally {
    for (const instance of instances) await stopInstance(instance).catch(() => {});
    await fx.remove().catch(() => {});
    await closeDb();
    if (ownDatabase) dropLocalDatabase(tempDatabase);
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
