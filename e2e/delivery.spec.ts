import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

/** The order pages linked from the live orders list. */
async function liveOrderHrefs(page: Page): Promise<string[]> {
  await page.goto("/publisher/orders?status=live");
  await expectNoAxeViolations(page);
  const links = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      as
        .map((a) => a.getAttribute("href"))
        .filter((h): h is string => !!h && /\/publisher\/orders\/\d+$/.test(h)),
    );
  const hrefs = [...new Set(links)];
  expect(hrefs.length, "the demo data has live orders").toBeGreaterThan(0);
  return hrefs;
}

const lineItemSection = (page: Page, id: string) =>
  page.getByRole("region", { name: `Tracking for line item #${id}`, exact: true });

/** A number shown as a <dt>term</dt><dd>1,234 …</dd> fact. */
async function fact(section: Locator, term: string): Promise<number> {
  const text = await section
    .getByText(term, { exact: true })
    .locator("xpath=following-sibling::dd[1]")
    .textContent();
  return Number((text ?? "").trim().split(" ")[0].replaceAll(",", ""));
}

async function counts(page: Page, lineItemId: string) {
  const section = lineItemSection(page, lineItemId);
  return {
    impressions: await fact(section, "Delivered impressions"),
    clicks: await fact(section, "Delivered clicks"),
    notCounted: await fact(section, "Not counted"),
  };
}

type Candidate = { href: string; lineItemId: string; pixel: string; click: string; landing: string };

/** Line items of live orders that count hits now and carry an approved creative, with that creative's codes. */
async function* countingCreatives(page: Page): AsyncGenerator<Candidate> {
  for (const href of await liveOrderHrefs(page)) {
    await page.goto(href);
    await expectNoAxeViolations(page);
    const sections = page
      .getByRole("region", { name: /^Tracking for line item #\d+$/ })
      .filter({ hasText: "Counting now" });
    const found: Candidate[] = [];
    for (const section of await sections.all()) {
      const creative = section.locator('[data-review-status="approved"]').first();
      if ((await creative.count()) === 0) continue;
      const name = (await section.getAttribute("aria-label"))!;
      found.push({
        href,
        lineItemId: name.replace(/^Tracking for line item #/, ""),
        pixel: await creative.getByLabel("Impression pixel URL", { exact: true }).inputValue(),
        click: await creative.getByLabel("Click-tracking URL", { exact: true }).inputValue(),
        landing: (await creative.locator("a[data-click-url]").getAttribute("data-click-url"))!,
      });
    }
    // Yielded after reading the page: the caller navigates away.
    for (const candidate of found) yield candidate;
  }
}

test.describe("delivery tracking", () => {
  test("a page that shows the pixel and a click on the tracked link count on the order page", async ({
    page,
  }) => {
    await signIn(page, "sales@northwind.test");
    let counted = false;
    for await (const candidate of countingCreatives(page)) {
      const { href, lineItemId, pixel, click, landing } = candidate;
      expect(pixel).toMatch(/\/t\/i\/[A-Za-z0-9_-]+\.gif$/);
      expect(click).toMatch(/\/t\/c\/[A-Za-z0-9_-]+$/);
      await page.goto(href);
      await expectNoAxeViolations(page);
      const before = await counts(page, lineItemId);

      // A page that embeds the pixel, as a publisher's site or newsletter would. It is served
      // from the app's own origin: Chromium keeps about:blank pages from loading local addresses.
      const embed = new URL("/e2e-embedding-page", pixel).href;
      await page.route(embed, (route) =>
        route.fulfill({ contentType: "text/html", body: `<p>Ad</p><img id="pixel" src="${pixel}" alt="">` }),
      );
      await page.goto(embed);
      await expect
        .poll(() =>
          page.locator("#pixel").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        )
        .toBe(1);

      // The tracked link answers with a redirect to the creative's landing page (an external
      // host that is not reachable here, so the redirect is checked, not followed).
      const response = await page.request.get(click, { maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe(new URL(landing).href);

      await page.goto(href);
      await expectNoAxeViolations(page);
      const after = await counts(page, lineItemId);
      if (after.impressions === before.impressions && after.notCounted > before.notCounted) {
        // It stopped serving in between (the lifecycle job completed it): try another one.
        continue;
      }
      expect(after).toEqual({
        impressions: before.impressions + 1,
        clicks: before.clicks + 1,
        notCounted: before.notCounted,
      });
      counted = true;
      break;
    }
    expect(counted, "a live order with a delivering line item and an approved creative").toBe(true);
  });

  test("records a day by hand, adjusts it with a reason, and the events log shows both", async ({ page }) => {
    await signIn(page, "sales@northwind.test");
    let picked: { href: string; lineItemId: string; day: string } | null = null;
    for (const href of await liveOrderHrefs(page)) {
      await page.goto(href);
      await expectNoAxeViolations(page);
      const form = page.getByRole("region", { name: "Record delivery" });
      if ((await form.count()) === 0) continue;
      const option = form
        .getByLabel("Line item", { exact: true })
        .locator("option")
        .filter({ hasText: "· Delivering ·" })
        .first();
      if ((await option.count()) === 0) continue;
      const label = (await option.textContent()) ?? "";
      const [, start, end] = label.match(/(\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})$/) ?? [];
      const today = await form.getByLabel("Day", { exact: true }).inputValue();
      const [day] = [today, end].sort();
      if (day < start) continue;
      picked = { href, lineItemId: (await option.getAttribute("value"))!, day };
      break;
    }
    expect(picked, "a live order with a delivering line item").not.toBeNull();
    const { lineItemId, day } = picked!;

    const form = page.getByRole("region", { name: "Record delivery" });
    const log = page.getByRole("region", { name: "Events log" });
    const before = await counts(page, lineItemId);
    await form.getByLabel("Line item", { exact: true }).selectOption(lineItemId);
    await form.getByLabel("Day", { exact: true }).fill(day);
    await form.getByLabel("Impressions", { exact: true }).fill("120");
    await form.getByLabel("Clicks", { exact: true }).fill("3");
    await form.getByLabel("Reason", { exact: true }).fill("E2E newsletter count");
    await form.getByRole("button", { name: "Record delivery" }).click();
    await expect(
      page.getByText(`Recorded 120 impressions and 3 clicks for line item #${lineItemId} on ${day}.`),
    ).toBeVisible();
    await expect(
      log
        .getByRole("listitem")
        .filter({ hasText: "Delivery recorded" })
        .filter({ hasText: "E2E newsletter count" }),
    ).toBeVisible();
    await expect
      .poll(async () => (await counts(page, lineItemId)).impressions)
      .toBeGreaterThanOrEqual(before.impressions + 120);

    // Changing the day again is an adjustment: it needs a reason.
    await form.getByRole("button", { name: new RegExp(`^Edit #${lineItemId} .* on ${day}$`) }).click();
    await expect(form.getByLabel("Impressions", { exact: true })).toHaveValue("120");
    await form.getByLabel("Impressions", { exact: true }).fill("150");
    await form.getByRole("button", { name: "Record delivery" }).click();
    await expect(form.getByText(/already has 120 impressions and 3 clicks recorded: say why/)).toBeVisible();
    await form.getByLabel("Reason", { exact: true }).fill("Mail tool corrected its count");
    await form.getByRole("button", { name: "Record delivery" }).click();
    await expect(
      page.getByText(`Recorded 150 impressions and 3 clicks for line item #${lineItemId} on ${day}.`),
    ).toBeVisible();
    await expect(
      log
        .getByRole("listitem")
        .filter({ hasText: "Delivery recorded" })
        .filter({ hasText: "Mail tool corrected its count" }),
    ).toBeVisible();
    await expect(form.getByRole("row").filter({ hasText: day }).filter({ hasText: "By hand" })).toContainText(
      "150",
    );

    // A CSV with a bad row imports nothing and says which line is wrong.
    await page.getByRole("link", { name: "Import a CSV" }).click();
    await expect(page.getByRole("heading", { name: "Import delivery" })).toBeVisible();
    const upload = async (text: string) => {
      await page
        .getByLabel("CSV file")
        .setInputFiles({ name: "delivery.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
      await page.getByRole("button", { name: "Preview" }).click();
    };
    await upload(
      `line_item_id,day,impressions,clicks\r\n${lineItemId},${day},50,1\r\n${lineItemId},2999-01-01,5,0\r\n`,
    );
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems.getByRole("listitem")).toHaveCount(1);
    await expect(problems).toContainText("Line 3 · day: 2999-01-01 is in the future");
    await expect(page.getByRole("button", { name: "Import 1 row" })).toBeDisabled();

    await upload(`line_item_id,day,impressions,clicks\r\n${lineItemId},${day},50,1\r\n`);
    await page.getByRole("button", { name: "Import 1 row" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported 1 row" })).toBeVisible();
  });
});
