import { createServer } from "node:http";
import { sql } from "drizzle-orm";
import next from "next";
import { closeDb, db, dbHandle } from "@/db";
import { dumpOpenDatabase, writeBackupControl } from "@/db/backup";
import { migrationsApplied } from "@/db/migration-status";
import { prepareDatabase } from "@/db/prepare";
import { clientIp, clientIpHeader } from "@/lib/auth/client-ip";
import { parseTrustProxy } from "@/lib/auth/trust-proxy";
import { pgliteDir, uploadsDir } from "@/lib/core/env";
import { loggablePath, logger, withRequestId } from "@/lib/core/logger";
import { resolveSharedSecrets } from "@/lib/core/shared-secrets";
import { importDiskCreativeFiles } from "@/lib/creatives/import-disk-files";
import { seedAndLogDemoMoney } from "@/lib/demo/seed-money";
import { queueSnapshot } from "@/lib/jobs/queue-snapshot";
import { startJobWorker } from "@/lib/scheduler/start-job-worker";
import { refuseOversizedAction } from "@/server/action-body-limit";
import { withoutApiTrailingSlash } from "@/server/api-trailing-slash";
import { createHealthHandler } from "@/server/health";
import { createMetrics, createMetricsHandler, routeGroup } from "@/server/metrics";
import { createBackupHandler } from "@/server/ops-backup";
import { requestIdFrom } from "@/server/request-id";
import { closeServing, handleServing } from "@/server/serving";
import { closeTracking, configureTracking, handleTracking } from "@/server/tracking";

/**
 * AdDesk's one process: prepares the database, runs the scheduler (lifecycle, quote
 * expiry, mail), and serves Next.js. Tracking endpoints (/t/…), zone tags (/s/…), the health checks
 * (/healthz, /readyz), /metrics and the local backup endpoint are answered here, before
 * Next's request pipeline. Logs are JSON lines on stdout, each request's with its id.
 */
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  await prepareDatabase({ log: (line) => logger.info(line), afterSeed: seedAndLogDemoMoney });
  // Before Next starts: its server-actions key, and the session and tracking secrets, come from here.
  await resolveSharedSecrets(db);
  const imported = await importDiskCreativeFiles(db);
  if (imported > 0) logger.info(`Creative files: copied ${imported} from ${uploadsDir()} into the database`);
  const app = next({ dev, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const worker = startJobWorker(db);
  const handleHealth = createHealthHandler({
    database: async () => {
      await db.execute(sql`select 1`);
    },
    migrationsApplied: () => migrationsApplied(db),
    jobRunner: () => worker.status(),
  });
  const metrics = createMetrics(() => queueSnapshot(db, new Date()));
  configureTracking({ onHit: metrics.hit, onBatch: metrics.batch });
  const handleMetrics = createMetricsHandler(metrics, process.env.METRICS_TOKEN || undefined, (err) =>
    logger.error({ err }, "metrics: scrape failed"),
  );
  const embedded = dbHandle().driver === "pglite";
  let backupToken: string | null = null;
  const handleBackup = createBackupHandler({ token: () => backupToken, dump: dumpOpenDatabase });

  const server = createServer((req, res) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const group = routeGroup(req);
      metrics.request(group, req.method ?? "GET", res.statusCode, seconds);
      // Tracking and static files are many and uniform: their lines only at debug.
      const level = group === "tracking" || group === "static" ? "debug" : "info";
      logger[level]({
        requestId,
        method: req.method,
        path: loggablePath(req.url),
        group,
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
      });
    });
    // Shutting down: finish this request, then let keep-alive clients reconnect elsewhere.
    if (!server.listening) res.setHeader("Connection", "close");
    if (handleTracking(req, res)) return;
    if (handleServing(req, res, trustProxy)) return;
    if (handleHealth(req, res)) return;
    if (handleMetrics(req, res)) return;
    if (handleBackup(req, res)) return;
    if (refuseOversizedAction(req, res)) return;
    req.headers[clientIpHeader] = clientIp(req, trustProxy);
    if (req.url) req.url = withoutApiTrailingSlash(req.url);
    withRequestId(requestId, () => handle(req, res));
  });
  server.listen(port, hostname, () => {
    // `npm run backup` on this machine asks this process for a copy of the database it holds.
    if (embedded) backupToken = writeBackupControl(pgliteDir(), `http://127.0.0.1:${port}`);
    logger.info(`AdDesk is ready on http://localhost:${port}`);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    // A second signal (a supervisor repeating itself) must not cut the flush short.
    if (closing) return;
    closing = true;
    logger.info(`${signal}: closing`);
    server.close(async () => {
      await worker.stop();
      await closeServing().catch((err) => logger.error({ err }, "newsletter opens flush failed"));
      await closeTracking().catch((err) => logger.error({ err }, "tracking flush failed"));
      await closeDb();
      logger.info("closed");
      logger.flush();
      process.exit(0);
    });
    // Keep-alive connections close as soon as their request in flight is answered.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch(async (error) => {
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  await closeDb().catch(() => {});
  process.exit(1);
});
