import { defineConfig } from "@playwright/test";
import { e2eDatabaseUrl, emptyDatabaseSuffix } from "./e2e/database-url";
import { mailboxUrl } from "./e2e/mailbox";
import { emptyPort, port } from "./e2e/servers";

/**
 * e2e runs against the built app (npm run build first) started by Playwright itself,
 * in Debian's Chromium: Playwright cannot download its own browsers here.
 * CHROMIUM_PATH overrides the binary; set it empty to use Playwright's own browsers.
 */

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * E2E_SUITE=postgres (CI's second pass) runs the specs whose behaviour rests on the database
 * server: several instances, shutdown, money and its reports, negotiation, reservations,
 * the API, serving and sync, and the whole story. The first pass runs every spec on PGlite,
 * and Vitest runs every verb on both databases, so this keeps CI inside its time budget
 * without a browser-only path going untested.
 */
const postgresSpecs = [
  "two-instances",
  "graceful-shutdown",
  "story",
  "booking",
  "orders",
  "negotiation",
  "sales",
  "money",
  "pay-online",
  "api",
  "webhooks",
  "serving",
  "adsync",
].map((name) => `**/${name}.spec.ts`);

export default defineConfig({
  testDir: "e2e",
  testMatch: process.env.E2E_SUITE === "postgres" ? postgresSpecs : undefined,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: executablePath || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "npm run serve",
      url: `http://localhost:${port}/login`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        PORT: String(port),
        ADDESK_DATA_DIR: ".data/e2e",
        PGLITE_DIR: ".data/e2e/pglite",
        // Specs that need an emailed link receive the app's mail here (e2e/mailbox.ts).
        SMTP_URL: mailboxUrl,
        // e2e/adsync.spec.ts connects the ad server sync to a receiver it starts on 127.0.0.1.
        ALLOW_LOCAL_HOOKS: "1",
        // Zone tags take the visitor's country from this header (e2e/serving.spec.ts sends it).
        COUNTRY_HEADER: "CF-IPCountry",
        ...(process.env.DATABASE_URL ? { DATABASE_URL: e2eDatabaseUrl()! } : {}),
      },
    },
    {
      command: "npm run serve",
      url: `http://localhost:${emptyPort}/setup`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        PORT: String(emptyPort),
        APP_URL: `http://localhost:${emptyPort}`,
        ADDESK_SEED: "0",
        ADDESK_DATA_DIR: ".data/e2e-empty",
        PGLITE_DIR: ".data/e2e-empty/pglite",
        JOBS_INTERVAL_MS: "0",
        ...(process.env.DATABASE_URL
          ? { DATABASE_URL: e2eDatabaseUrl(process.env.DATABASE_URL, emptyDatabaseSuffix)! }
          : {}),
      },
    },
  ],
});
