import { type ChildProcess, spawn } from "node:child_process";
import { expect, type Locator, type Page, test } from "@playwright/test";
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

test.beforeAll(async () => {
  if (!onPostgres) return;
  test.setTimeout(240_000);
  server = spawn("npm", ["run", "serve"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(secondPort),
      // One public address for both, as behind a reverse proxy.
      APP_URL: `http://localhost:${port}`,
      ADDESK_DATA_DIR: ".data/e2e-second",
      SMTP_URL: mailboxUrl,
      DATABASE_URL: e2eDatabaseUrl()!,
    },
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
});
