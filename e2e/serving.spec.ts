import { expect, type Frame, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// The e2e server takes the visitor's country from this header (COUNTRY_HEADER in playwright.config.ts).
test.use({ extraHTTPHeaders: { "CF-IPCountry": "US" } });

type Booked = { previewHref: string; iframe: string; lineItemId: string; orderHref: string };

/** A zone whose tag would serve a line item to a US visitor now, from its preview page. */
async function servingZone(page: Page): Promise<Booked> {
  await page.goto("/publisher/catalog");
  await expectNoAxeViolations(page);
  const hrefs = await page
    .getByRole("link", { name: /^Preview and tag/ })
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length, "the demo catalog has zones").toBeGreaterThan(0);
  for (const href of hrefs) {
    await page.goto(`${href}?country=US`);
    const now = page.getByTestId("serving-now");
    const text = (await now.textContent()) ?? "";
    const match = /line item #(\d+)/.exec(text);
    if (!match) continue;
    await expectNoAxeViolations(page);
    const iframe = page.getByLabel("Iframe tag", { exact: true }).first();
    if ((await iframe.count()) === 0) continue;
    return {
      previewHref: `${href}?country=US`,
      iframe: await iframe.inputValue(),
      lineItemId: match[1],
      orderHref: (await now.getByRole("link").first().getAttribute("href")) ?? "",
    };
  }
  throw new Error("no zone serves a US visitor in the demo data");
}

/** The publisher's test page: the pasted tag, and the frame it loads. */
async function openTestPage(page: Page, iframe: string): Promise<Frame> {
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Zone test</title></head><body><main><h1>Zone test</h1>${iframe}</main></body></html>`,
  );
  const element = await page.locator("iframe").elementHandle();
  const frame = await element?.contentFrame();
  if (!frame) throw new Error("the tag made no frame");
  await frame.waitForLoadState();
  return frame;
}

const shownLineItem = (frame: Frame) => frame.locator("body").getAttribute("data-line-item");

async function delivered(page: Page, orderHref: string, lineItemId: string) {
  await page.goto(orderHref);
  await expectNoAxeViolations(page);
  const section = page.getByRole("region", { name: `Tracking for line item #${lineItemId}`, exact: true });
  const fact = async (term: string) =>
    Number(
      (
        (await section
          .getByText(term, { exact: true })
          .locator("xpath=following-sibling::dd[1]")
          .textContent()) ?? ""
      )
        .trim()
        .split(" ")[0]
        .replaceAll(",", ""),
    );
  return { impressions: await fact("Delivered impressions"), clicks: await fact("Delivered clicks") };
}

test.describe("zone tags", () => {
  test("a pasted zone tag shows the booked creative, its view and click count on the order page, and a rejected creative stops serving", async ({
    page,
    context,
  }) => {
    test.setTimeout(240_000);
    // Advertisers' landing pages are not on this machine: answer them here.
    await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: "<!doctype html><html lang='en'><title>Landing</title><h1>Landing</h1></html>",
      }),
    );
    await signIn(page, "sales@northwind.test");
    const booked = await servingZone(page);
    expect(booked.iframe).toMatch(/<iframe src="http:\/\/localhost:\d+\/s\/f\/[A-Za-z0-9_-]+"/);
    const before = await delivered(page, booked.orderHref, booked.lineItemId);

    // Load the test page until the booked line item shows (others on the zone share it by weight).
    let views = 0;
    let frame: Frame | undefined;
    for (let i = 0; i < 40 && !frame; i++) {
      const loaded = await openTestPage(page, booked.iframe);
      if ((await shownLineItem(loaded)) === booked.lineItemId) frame = loaded;
      if (i === 0) await expectNoAxeViolations(page);
    }
    expect(frame, "the likeliest line item shows within 40 views").toBeDefined();
    if (!frame) return;
    views++;
    const creativeId = await frame.locator("body").getAttribute("data-creative");
    const ad = frame.getByRole("link").last();
    const creativeName = await frame.locator("body").getAttribute("data-creative-name");
    expect(creativeName).toBeTruthy();
    const [landing] = await Promise.all([context.waitForEvent("page"), ad.click()]);
    await landing.waitForLoadState();
    expect(landing.url()).not.toContain("localhost");
    await landing.close();

    const after = await delivered(page, booked.orderHref, booked.lineItemId);
    expect(after.impressions).toBe(before.impressions + views);
    expect(after.clicks).toBe(before.clicks + 1);

    // Reject the creative that showed: the zone no longer serves it.
    await page.goto("/publisher/creatives?status=approved");
    await expectNoAxeViolations(page);
    const card = page
      .getByRole("article", {
        name: new RegExp(`^${(creativeName ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, version \\d+$`),
      })
      .first();
    for (let i = 0; i < 20 && (await card.count()) === 0; i++) {
      const next = page.getByRole("navigation", { name: "Pagination" }).locator("a[rel=next]");
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForLoadState();
    }
    await card.getByRole("button", { name: "Reject", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Reject “${creativeName}”?` });
    await dialog.getByLabel("Reason", { exact: true }).fill("Serving test: off brand.");
    await dialog.getByRole("button", { name: "Reject creative" }).click();
    await expect(page.getByText(/Creative rejected/).first()).toBeVisible();

    // The serving view re-reads the database every second.
    await page.waitForTimeout(2_500);
    const seen = new Set<string | null>();
    for (let i = 0; i < 10; i++)
      seen.add(await (await openTestPage(page, booked.iframe)).locator("body").getAttribute("data-creative"));
    expect(seen.has(creativeId)).toBe(false);
    await page.goto(booked.previewHref);
    await expectNoAxeViolations(page);
    // Its click was counted once; no view of the rejected creative was counted since.
    const later = await delivered(page, booked.orderHref, booked.lineItemId);
    expect(later.clicks).toBe(after.clicks);
  });
});
