import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const staff = "admin@northwind.test";
const advertiser = "ads@acme-shoes.test";

/** The advertiser's first order with the first of `statuses` that has one, by id. */
async function firstAdvertiserOrder(page: Page, ...statuses: string[]): Promise<number> {
  for (const status of statuses) {
    await page.goto(`/advertiser/orders?status=${status}`);
    const link = page.getByRole("link", { name: /^#\d+$/ }).first();
    if ((await link.count()) === 0) continue;
    const id = Number((await link.textContent())?.replace("#", ""));
    expect(id).toBeGreaterThan(0);
    return id;
  }
  throw new Error(`No order with status ${statuses.join(" or ")}`);
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

test.describe("negotiating an order", () => {
  test("the advertiser proposes new dates and quantity, staff counter, the advertiser accepts: the order shows the new terms and the history", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const advertiserPage = await (await browser.newContext()).newPage();
    await signIn(advertiserPage, advertiser);
    const orderId = await firstAdvertiserOrder(
      advertiserPage,
      "pending_review",
      "approved",
      "paused",
      "live",
    );

    // The advertiser proposes one more day and less quantity for a line item sold by quantity
    // (fewer units a day, so it fits the inventory whatever else is booked).
    await advertiserPage.goto(`/advertiser/orders/${orderId}`);
    const changes = advertiserPage.locator("#changes");
    await changes.getByText("Propose a change").click();
    await expectNoAxeViolations(advertiserPage);
    const byQuantity = changes
      .locator("fieldset")
      .filter({ has: advertiserPage.getByLabel(/^(Impressions|Clicks)$/) });
    const first = (await byQuantity.count()) > 0 ? byQuantity.first() : changes.locator("fieldset").first();
    const endDate = first.getByLabel("End date");
    const newEnd = nextDay(await endDate.inputValue());
    await endDate.fill(newEnd);
    const quantity = first.getByLabel(/^(Impressions|Clicks)$/);
    const hasQuantity = (await quantity.count()) > 0;
    const before = hasQuantity ? Number(await quantity.inputValue()) : 0;
    if (hasQuantity) await quantity.fill(String(Math.round(before * 0.8)));
    await changes.getByLabel("Note (optional)").fill("One more day, please");
    await changes.getByRole("button", { name: "Propose change" }).click();
    await expect(advertiserPage.getByText("Change proposed.").first()).toBeVisible();
    await expect(changes.getByText(/Waiting for the publisher/)).toBeVisible();

    // Staff see it side by side with the price change and counter with a smaller increase.
    await signIn(page, staff);
    await page.goto(`/publisher/orders/${orderId}`);
    const desk = page.locator("#changes");
    await expect(desk.getByRole("table", { name: /before and after/ })).toBeVisible();
    await expect(desk.getByText(/^Price:/)).toBeVisible();
    await expect(desk.getByText("One more day, please")).toBeVisible();
    await desk.getByText("Counter with other terms").click();
    await expectNoAxeViolations(page);
    const counterQuantity = hasQuantity ? Math.round(before * 0.9) : 0;
    if (hasQuantity) {
      await desk
        .locator("fieldset")
        .first()
        .getByLabel(/^(Impressions|Clicks)$/)
        .fill(String(counterQuantity));
    }
    await desk.getByRole("button", { name: "Send counter-proposal" }).click();
    await expect(page.getByText("Change proposed.").first()).toBeVisible();

    // The advertiser accepts the counter; the order shows the new terms and the history.
    await advertiserPage.reload();
    await expect(changes.getByText(/counter to #\d+/)).toBeVisible();
    await changes.getByRole("button", { name: "Accept change" }).click();
    await expect(advertiserPage.getByText(/Change accepted/).first()).toBeVisible();
    await advertiserPage.reload();
    await expect(changes.getByText("Accepted").first()).toBeVisible();
    await expect(changes.getByText("Countered").first()).toBeVisible();
    await expect(advertiserPage.getByText("Change accepted").first()).toBeVisible();
    await expect(advertiserPage.getByText(new RegExp(`→ \\S*${newEnd}`)).first()).toBeVisible();
    if (hasQuantity) {
      await expect(
        advertiserPage
          .getByText(
            `quantity ${before.toLocaleString("en-US")} → ${counterQuantity.toLocaleString("en-US")}`,
          )
          .first(),
      ).toBeVisible();
    }
    await expectNoAxeViolations(advertiserPage);
    await advertiserPage.close();
  });

  test("staff propose adding a line item through the booking calendar; once the advertiser accepts, the order has it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const advertiserPage = await (await browser.newContext()).newPage();
    await signIn(advertiserPage, advertiser);
    const orderId = await firstAdvertiserOrder(
      advertiserPage,
      "pending_review",
      "approved",
      "paused",
      "live",
    );
    const lineItemRows = (p: Page) =>
      p.getByRole("region", { name: "Line items", exact: true }).locator("tbody tr");

    await advertiserPage.goto(`/advertiser/orders/${orderId}`);
    const before = await lineItemRows(advertiserPage).count();
    expect(before).toBeGreaterThan(0);

    // Staff build a new CPM line item next month with the calendar of the booking cart.
    await signIn(page, staff);
    await page.goto(`/publisher/orders/${orderId}`);
    const desk = page.locator("#changes");
    await desk.getByText("Propose a change").click();
    const adder = desk.getByRole("group", { name: "New line items" });
    await adder.getByText("Add a line item").click();
    const zone = adder.getByLabel("Ad zone");
    const cpm = await zone.locator("option").filter({ hasText: "CPM" }).first().getAttribute("value");
    await zone.selectOption(cpm!);
    await adder.getByRole("button", { name: "Next month" }).click();
    const available = adder.getByRole("button", {
      name: /^\w+, \w+ \d{1,2}, \d{4}, [\d,]+ impressions available$/,
    });
    await available.nth(2).click();
    await available.nth(4).click();
    await expect(adder.getByText(/^Dates: \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}$/)).toBeVisible();
    await adder.getByLabel("Impressions", { exact: true }).fill("1000");
    await expect(adder.getByText(/^Price: /)).toBeVisible();
    await adder.getByRole("button", { name: "Add line item" }).click();
    await expect(adder.getByRole("list", { name: "Line items to add" }).getByRole("listitem")).toHaveCount(1);
    await expectNoAxeViolations(page);
    await desk.getByRole("button", { name: "Propose change" }).click();
    await expect(page.getByText("Change proposed.").first()).toBeVisible();
    await expect(desk.getByText(/Waiting for the advertiser/)).toBeVisible();

    // The advertiser sees the new row side by side and accepts: the order has one more line item.
    await advertiserPage.reload();
    const changes = advertiserPage.locator("#changes");
    await expect(changes.getByRole("table", { name: /before and after/ }).getByText(/ · New$/)).toBeVisible();
    await expectNoAxeViolations(advertiserPage);
    await changes.getByRole("button", { name: "Accept change" }).click();
    await expect(advertiserPage.getByText(/Change accepted/).first()).toBeVisible();
    await advertiserPage.reload();
    await expect(lineItemRows(advertiserPage)).toHaveCount(before + 1);
    await expect(changes.getByText("Accepted").first()).toBeVisible();
    await expectNoAxeViolations(advertiserPage);
    await advertiserPage.close();
  });

  test("staff add proof of delivery to a completed order; the advertiser sees it", async ({
    page,
    browser,
  }) => {
    const advertiserPage = await (await browser.newContext()).newPage();
    await signIn(advertiserPage, advertiser);
    const orderId = await firstAdvertiserOrder(advertiserPage, "completed");
    const link = `https://news.example/proof/${Date.now()}`;

    await signIn(page, staff);
    await page.goto(`/publisher/orders/${orderId}`);
    const proof = page.locator("#proof");
    await proof.getByLabel("Link").fill("not a link");
    await proof.getByRole("button", { name: "Add proof" }).click();
    await expect(
      proof.getByText("Use a web address starting with http:// or https://.").first(),
    ).toBeVisible();
    await proof.getByLabel("Link").fill(link);
    await proof.getByRole("button", { name: "Add proof" }).click();
    await expect(page.getByText("Proof of delivery added.").first()).toBeVisible();
    await expectNoAxeViolations(page);

    await advertiserPage.goto(`/advertiser/orders/${orderId}`);
    await expect(advertiserPage.locator("#proof").getByRole("link", { name: link })).toBeVisible();
    await expectNoAxeViolations(advertiserPage);
    await advertiserPage.close();
  });
});
