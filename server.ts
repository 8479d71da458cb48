import { createServer } from "node:http";
import { sql } from "drizzle-orm";
import next from "next";
import { closeDb, db } from "@/db";
import { migrationsApplied } from "@/db/migration-status";
import { prepareDatabase } from "@/db/prepare";
import { clientIp, clientIpHeader } from "@/lib/auth/client-ip";
import { parseTrustProxy } from "@/lib/auth/trust-proxy";
import { uploadsDir } from "@/lib/core/env";
import { resolveSharedSecrets } from "@/lib/core/shared-secrets";
import { importDiskCreativeFiles } from "@/lib/creatives/import-disk-files";
import { seedAndLogDemoMoney } from "@/lib/demo/seed-money";
import { startJobWorker } from "@/lib/scheduler/start-job-worker";
import { refuseOversizedAction } from "@/server/action-body-limit";
import { withoutApiTrailingSlash } from "@/server/api-trailing-slash";
import { createHealthHandler } from "@/server/health";
import { closeTracking, handleTracking } from "@/server/tracking";

/**
 * AdDesk's one process: prepares the database, runs the scheduler (lifecycle, quote
 * expiry, mail), and serves Next.js. Tracking endpoints (/t/…) and the health checks
 * (/healthz, /readyz) are answered here, before Next's request pipeline.
 */
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  await prepareDatabase({ log: (line) => console.log(line), afterSeed: seedAndLogDemoMoney });
  // Before Next starts: its server-actions key, and the session and tracking secrets, come from here.
  await resolveSharedSecrets(db);
  const imported = await importDiskCreativeFiles(db);
  if (imported > 0) console.log(`Creative files: copied ${imported} from ${uploadsDir()} into the database`);
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

  const server = createServer((req, res) => {
    // Shutting down: finish this request, then let keep-alive clients reconnect elsewhere.
    if (!server.listening) res.setHeader("Connection", "close");
    if (handleTracking(req, res)) return;
    if (handleHealth(req, res)) return;
    if (refuseOversizedAction(req, res)) return;
    req.headers[clientIpHeader] = clientIp(req, trustProxy);
    if (req.url) req.url = withoutApiTrailingSlash(req.url);
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`AdDesk is ready on http://localhost:${port}`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: closing`);
    server.close(async () => {
      await worker.stop();
      await closeTracking().catch((error) => console.error("tracking flush failed:", error));
      await closeDb();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
