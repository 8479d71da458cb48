import { type ChildProcess, spawn } from "node:child_process";
import { expect, type Locator, type Page, test } from "@playwright/test";
import pg from "pg";
import { pngBytes } from "../test/fixtures/images";
import { e2eDatabaseUrl } from "./database-url";
import { expectNoAxeViolations, signIn } from "./helpers";
import { mailboxUrl } from "./mailbox";
import { port } from "./servers";

/**
 * A second app process on the same PostgreSQL database as the main e2e server, with its own
 * data directory, as a second instance behind a load balancer would be. Whatever it needs to
 * agree on with the first (secrets, files) must come from the database.
 */
const secondPort = Number(process.env.E2E_SECOND_PORT ?? port + 2);
const second = `http://localhost:${secondPort}`;
const onPostgres = Boolean(process.env.DATABASE_URL);

test.skip(!onPostgres, "two instances share one PostgreSQL database; the embedded PGlite serves one process");
test.describe.configure({ timeout: 240_000 });

let server: ChildProcess | undefined;
/** What the second instance's job worker said it did ("jobs: {...}" lines, server/start-job-worker). */
const secondJobReports: { done: number }[] = [];

test.beforeAll(async () => {
  if (!onPostgres) return;
  test.setTimeout(240_000);
  // Like any new instance, it takes the shared secrets from the database, never from whatever
  // this test process's environment holds (another spec once left a tracking secret there).
  const {
    AUTH_SECRET: _auth,
    TRACKING_SECRET: _tracking,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: _actions,
    ...inherited
  } = process.env;
  server = spawn("npm", ["run", "serve"], {
    detached: true,
    stdio: ["ignore", "pipe", "ignore"],
    env: {
      ...inherited,
      PORT: String(secondPort),
      // One public address for both, as behind a reverse proxy.
      APP_URL: `http://localhost:${port}`,
      ADDESK_DATA_DIR: ".data/e2e-second",
      SMTP_URL: mailboxUrl,
      DATABASE_URL: e2eDatabaseUrl()!,
    },
  });
  let pending = "";
  server.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const report = /^jobs: (\{.*"done".*\})$/.exec(line);
      if (report) secondJobReports.push(JSON.parse(report[1]));
    }
  });
  const deadline = Date.now() + 200_000;
  for (;;) {
    // Ready: database reachable, migrations applied, job runner alive (server/health.ts).
    const up = await fetch(`${second}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || server.exitCode !== null)
      throw new Error("the second instance did not start");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
});

test.afterAll(() => {
  // Its whole process group: npm, and the server it started.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

/** A number shown as a <dt>term</dt><dd>1,234 …</dd> fact. */
async function fact(section: Locator, term: string): Promise<number> {
  const text = await section
    .getByText(term, { exact: true })
    .locator("xpath=following-sibling::dd[1]")
    .textContent();
  return Number((text ?? "").trim().split(" ")[0].replaceAll(",", ""));
}

/** A counting line item of a live order with an approved creative, and its impression pixel. */
async function countingPixel(page: Page) {
  await page.goto("/publisher/orders?status=live");
  const hrefs = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      as
        .map((a) => a.getAttribute("href"))
        .filter((h): h is string => !!h && /\/publisher\/orders\/\d+$/.test(h)),
    );
  for (const href of [...new Set(hrefs)]) {
    await page.goto(href);
    const sections = page
      .getByRole("region", { name: /^Tracking for line item #\d+$/ })
      .filter({ hasText: "Counting now" });
    for (const section of await sections.all()) {
      const creative = section.locator('[data-review-status="approved"]').first();
      if ((await creative.count()) === 0) continue;
      const name = (await section.getAttribute("aria-label"))!;
      const pixel = await creative.getByLabel("Impression pixel URL", { exact: true }).inputValue();
      return { href, name, pixel };
    }
  }
  throw new Error("the demo data has a live order with a counting line item and an approved creative");
}

test.describe("two app instances on one database", () => {
  test("each instance answers its health checks", async ({ request }) => {
    expect((await request.get(`${second}/healthz`)).status()).toBe(200);
    const ready = await request.get("/readyz");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { database: "ok", migrations: "ok" },
    });
  });

  test("a session signed in on one instance is valid on the other", async ({ page }) => {
    await signIn(page, "ads@acme-shoes.test");
    // Cookies are per host, not per port: the browser sends the same session to the second instance.
    await page.goto(`${second}/advertiser/creatives`);
    await expect(page).toHaveURL(`${second}/advertiser/creatives`);
    await expect(page.getByRole("region", { name: "Upload a creative" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a creative uploaded through one instance is served by the other", async ({ page }) => {
    const name = `Two instances ${Date.now()}`;
    await signIn(page, "ads@acme-shoes.test");
    await page.goto("/advertiser/creatives");
    const form = page.getByRole("region", { name: "Upload a creative" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Kind", { exact: true }).selectOption("image");
    const bytes = pngBytes(300, 250, [22, 163, 74]);
    await form
      .getByLabel("File", { exact: true })
      .setInputFiles({ name: "b.png", mimeType: "image/png", buffer: bytes });
    await form.getByLabel("Click URL", { exact: true }).fill("https://www.acme-shoes.test/two");
    await form.getByRole("button", { name: "Upload creative" }).click();
    await expect(
      page.getByText("Creative uploaded. It serves once the publisher approves it."),
    ).toBeVisible();

    await page.goto(`${second}/advertiser/creatives`);
    const preview = page.getByRole("article", { name: `${name}, version 1` }).getByRole("img", {
      name: `Preview of ${name}`,
    });
    await preview.scrollIntoViewIfNeeded();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
    const file = await page.request.get(new URL((await preview.getAttribute("src"))!, second).href);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await file.body())).toEqual(bytes);
  });

  test("a pixel minted by one instance counts when the other receives it", async ({ page }) => {
    await signIn(page, "sales@northwind.test");
    const { href, name, pixel } = await countingPixel(page);
    const section = page.getByRole("region", { name, exact: true });
    await page.goto(href);
    const before = await fact(section, "Delivered impressions");

    const pixelOnSecond = new URL(new URL(pixel).pathname, second).href;
    const embed = `${second}/e2e-embedding-page`;
    await page.route(embed, (route) =>
      route.fulfill({ contentType: "text/html", body: `<img id="pixel" src="${pixelOnSecond}" alt="">` }),
    );
    await page.goto(embed);
    await expect
      .poll(() =>
        page.locator("#pixel").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(1);

    // Counted by the second instance, shown by the first.
    await expect
      .poll(
        async () => {
          await page.goto(href);
          return fact(section, "Delivered impressions");
        },
        { timeout: 30_000 },
      )
      .toBe(before + 1);
  });

  test("every due job runs exactly once across both", async () => {
    // Both instances run the job worker on the default interval; the jobs are due at once.
    const client = new pg.Client({ connectionString: e2eDatabaseUrl()! });
    await client.connect();
    const prefix = `e2e-two-instances:${Date.now()}:`;
    const jobs = 200;
    try {
      // The inventory horizon step of a publisher that does not exist: a real transactional
      // job through the real runner (claim, run, mark done) that changes nothing else.
      await client.query(
        `insert into jobs (kind, unique_key, payload, run_at)
         select 'extend-inventory-horizon', $1 || g, '{"publisherId": 0}'::jsonb, now()
         from generate_series(1, $2::int) g`,
        [prefix, jobs],
      );
      const settled = async () =>
        (
          await client.query<{ status: string; attempts: number; n: number }>(
            `select status::text, attempts, count(*)::int as n from jobs
             where unique_key like $1 || '%' group by 1, 2 order by 1, 2`,
            [prefix],
          )
        ).rows;
      // Two worker intervals (15 s each) are enough for either instance to reach them.
      await expect
        .poll(settled, { timeout: 60_000, intervals: [1000] })
        .toEqual([{ status: "done", attempts: 1, n: jobs }]);
      // Each claim counts an attempt: one attempt each means no job was claimed, so run, twice.
      const bySecond = secondJobReports.reduce((n, r) => n + r.done, 0);
      test.info().annotations.push({
        type: "jobs",
        description: `${jobs} jobs, each done after one claim; the second instance's worker reported ${bySecond} done jobs in all (its other jobs included)`,
      });
    } finally {
      await client.query("delete from jobs where unique_key like $1 || '%'", [prefix]);
      await client.end();
    }
  });
});
