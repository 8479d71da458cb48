import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { newPglite } from "../db/index";
import { trackingUrls } from "../lib/tracking/token";
import { seededPgliteDir } from "../test/fixtures/embedded";
import { port } from "./servers";

/**
 * The production server (npm run build first) on its own embedded database: tracking hits
 * keep arriving while it gets SIGTERM. It must stop taking connections, answer or refuse
 * each hit it had (never drop one it acknowledged), commit every acknowledged hit, and exit 0.
 * Before that, `npm run backup` takes a copy through it, as it would from any running server.
 */
const shutdownPort = Number(process.env.E2E_SHUTDOWN_PORT ?? port + 3);
/** This server runs on its own embedded database, also when the suite runs on PostgreSQL. */
const { DATABASE_URL: _postgres, ...embeddedEnv } = process.env;
const base = `http://127.0.0.1:${shutdownPort}`;
const trackingSecret = "graceful-shutdown-e2e-tracking-secret";

test.describe.configure({ timeout: 240_000 });

async function impressionsOf(dir: string, lineItemId: number): Promise<number> {
  const client = newPglite(dir);
  try {
    const { rows } = await client.query<{ n: number }>(
      `select (coalesce((select sum(impressions) from delivery_daily where line_item_id = $1), 0)
             + coalesce((select sum(impressions) from uncounted_hits where line_item_id = $1), 0))::int as n`,
      [lineItemId],
    );
    return rows[0].n;
  } finally {
    await client.close();
  }
}

test("SIGTERM: stops taking requests, commits every acknowledged hit, exits 0", async () => {
  test.setTimeout(240_000);
  const dir = await seededPgliteDir();
  let server: ChildProcess | undefined;
  try {
    const client = newPglite(dir);
    const { rows } = await client
      .query<{ line_item_id: number; creative_id: number }>(
        `select li.id as line_item_id, c.id as creative_id
         from line_items li
         join orders o on o.id = li.order_id
         join line_item_creatives lic on lic.line_item_id = li.id
         join creatives c on c.id = lic.creative_id
         where o.status = 'live' and li.status = 'delivering' and c.review_status = 'approved'
           and li.start_date < current_date - 1 and li.end_date > current_date + 1
         order by li.id limit 1`,
      )
      .finally(() => client.close());
    expect(rows, "the demo data has a delivering line item with an approved creative").toHaveLength(1);
    const { line_item_id: lineItemId, creative_id: creativeId } = rows[0];
    const before = await impressionsOf(dir, lineItemId);

    // `npm run serve` without npm in between: npm answers SIGTERM by exiting at once without
    // passing it on, so supervisors signal the server process itself (README).
    server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      stdio: "ignore",
      env: {
        ...embeddedEnv,
        NODE_ENV: "production",
        PORT: String(shutdownPort),
        PGLITE_DIR: dir,
        ADDESK_DATA_DIR: path.dirname(dir),
        JOBS_INTERVAL_MS: "0",
        TRACKING_SECRET: trackingSecret,
        LOG_LEVEL: "warn",
      },
    });
    const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
    const deadline = Date.now() + 180_000;
    while (
      !(await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error("the server did not start");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    // While it runs, `npm run backup` gets its copy from the server (which holds the directory).
    const backupFile = path.join(path.dirname(dir), "live-backup.tar.gz");
    const backup = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/backup.ts", backupFile], {
      env: { ...embeddedEnv, PGLITE_DIR: dir, ADDESK_DATA_DIR: path.dirname(dir) },
      encoding: "utf8",
    });
    expect(backup.stdout + backup.stderr).toContain("taken by the running server");
    expect(backup.status).toBe(0);
    expect([...readFileSync(backupFile).subarray(0, 2)]).toEqual([0x1f, 0x8b]);

    // Signed here with its server's secret; put back at once, or servers that later specs start
    // from this process's environment (two-instances) would inherit it instead of the database's.
    const previousSecret = process.env.TRACKING_SECRET;
    process.env.TRACKING_SECRET = trackingSecret;
    const pixel = trackingUrls(base, lineItemId, creativeId).impressionPixel;
    if (previousSecret === undefined) delete process.env.TRACKING_SECRET;
    else process.env.TRACKING_SECRET = previousSecret;
    let acknowledged = 0;
    let refused = 0;
    let signalled = false;
    // Eight clients send hits back to back until the server stops answering them.
    const client8 = async () => {
      for (;;) {
        const status = await fetch(pixel).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
          () => null,
        );
        if (status === 200) acknowledged++;
        else {
          refused++;
          // Shutting down: a hit is answered 503 (not counted) or its connection refused.
          expect(status === null || status === 503, `status ${status}`).toBe(true);
          if (signalled) return;
        }
        if (acknowledged >= 100 && !signalled) {
          signalled = true;
          server!.kill("SIGTERM");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, client8));
    expect(signalled).toBe(true);
    expect(refused).toBeGreaterThan(0);
    // A new connection (a load balancer's next request) is refused once it is closing.
    const fresh = await new Promise<string>((resolve) => {
      const req = get(`${base}/healthz`, { agent: false }, (res) => {
        res.resume();
        resolve(`answered ${res.statusCode}`);
      });
      req.on("error", () => resolve("refused"));
    });
    expect(fresh).toBe("refused");
    expect(await exited).toBe(0);

    expect(await impressionsOf(dir, lineItemId)).toBe(before + acknowledged);
  } finally {
    if (server && server.exitCode === null) server.kill("SIGKILL");
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
