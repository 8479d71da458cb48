import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const staff = "sales@northwind.test";

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function signUp(page: Page) {
  await page.goto("/book/northwind");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Sign up to book" }).click();
  await page.getByLabel("Company").fill("Booker & Co");
  await page.getByLabel("Your name").fill("Bo Booker");
  await page.getByLabel("Email").fill(`booker-${Date.now()}@booker.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/book\/northwind\?welcome=1/);
  await expectNoAxeViolations(page);
}

/** One line item through the calendar and country selector of the cart. */
async function addLineItem(
  page: Page,
  {
    zone,
    country,
    days,
    impressions,
  }: { zone: string; country: string; days: [number, number]; impressions: string },
) {
  const book = page.locator("#book");
  await book.getByLabel("Ad zone").selectOption({ label: zone });
  await book.getByRole("checkbox", { name: country, exact: true }).check();
  const available = book.getByRole("button", {
    name: /^\w+, \w+ \d{1,2}, \d{4}, [\d,]+ impressions available$/,
  });
  await expect(available.first()).toBeVisible();
  await available.nth(days[0]).click();
  await available.nth(days[1]).click();
  await expect(book.getByText(/^Dates: \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await book.getByLabel("Impressions", { exact: true }).fill(impressions);
  await expect(book.getByText(/^Price: /)).toBeVisible();
  await book.getByRole("button", { name: "Add line item" }).click();
}

async function staffPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, staff);
  return page;
}

test.describe("advertiser self-serve booking", () => {
  test("signs up, books two line items through the calendar and submits; requests a quote that staff send and the advertiser accepts", async ({
    page,
    browser,
  }) => {
    // The whole story in two browsers (sign-up, two bookings, a quote round): past a minute on a busy machine.
    test.setTimeout(120_000);
    await signUp(page);
    const book = page.locator("#book");
    await expect(book.getByText("Your cart is empty: add a line item above.")).toBeVisible();
    await book.getByRole("button", { name: "Next month" }).click();

    await addLineItem(page, {
      zone: "Homepage leaderboard (728×90) · CPM",
      country: "US",
      days: [2, 4],
      impressions: "3000",
    });
    await addLineItem(page, {
      zone: "Article rectangle (300×250) · CPM",
      country: "GB",
      days: [6, 8],
      impressions: "2000",
    });
    const cart = book.getByRole("list", { name: "Cart" });
    await expect(cart.getByRole("listitem")).toHaveCount(3);
    await expect(cart.getByText("Total at rate card prices")).toBeVisible();

    await book.getByLabel("Order name").fill("E2E self-serve order");
    await book.getByRole("button", { name: "Submit order" }).click();
    await expect(page).toHaveURL(/\/advertiser\/orders\/\d+$/);
    await expectNoAxeViolations(page);
    await expect(page.getByRole("heading", { name: /E2E self-serve order/ })).toBeVisible();
    await expect(page.locator("header").getByText("Pending review", { exact: true })).toBeVisible();
    await expect(page.getByText("The publisher is reviewing your order.")).toBeVisible();
    await expect(page.getByRole("table").first().locator("tbody tr")).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Cancel order" })).toBeVisible();

    // The list finds it by keyword.
    await page.goto("/advertiser/orders?q=E2E+self-serve");
    await expectNoAxeViolations(page);
    await expect(page.getByRole("link", { name: /^#\d+$/ })).toHaveCount(1);

    // A quote request: same cart, plus a brief.
    await page.goto("/book/northwind");
    await expectNoAxeViolations(page);
    await book.getByRole("button", { name: "Next month" }).click();
    await addLineItem(page, {
      zone: "Homepage leaderboard (728×90) · CPM",
      country: "US",
      days: [10, 12],
      impressions: "5000",
    });
    await book.getByLabel("Order name").fill("E2E quote request");
    await book.getByRole("button", { name: "Request a quote" }).click();
    await expect(book.getByText(/at least 10 characters/)).toBeVisible();
    await book
      .getByLabel("Brief")
      .fill("A launch week on the homepage plus a newsletter mention, budget around $100.");
    await book.getByRole("button", { name: "Request a quote" }).click();
    await expect(page).toHaveURL(/\/advertiser\/orders\/\d+$/);
    await expectNoAxeViolations(page);
    const orderUrl = new URL(page.url()).pathname;
    const orderId = orderUrl.split("/").at(-1)!;
    await expect(page.locator("header").getByText("Quote requested", { exact: true })).toBeVisible();
    await expect(page.getByText("Waiting for the publisher's quote.")).toBeVisible();

    // Staff answer with a quote in the desk.
    const desk = await staffPage(browser);
    await desk.goto(`/publisher/orders/${orderId}`);
    await expectNoAxeViolations(desk);
    await expect(desk.getByText("A launch week on the homepage")).toBeVisible();
    const form = desk.getByRole("form", { name: "Send quote" });
    await form.getByLabel("Price (USD)").fill("99.00");
    await form.getByLabel("Valid until").fill(dayFromNow(7));
    await form.getByLabel("Estimated completion").fill(dayFromNow(60));
    await form
      .getByLabel("Plan of services")
      .fill("Five days of homepage leaderboard and one newsletter mention.");
    await form.getByRole("button", { name: "Send quote" }).click();
    await expect(desk.getByText("Quote sent. The advertiser was emailed")).toBeVisible();
    await expect(desk.locator("header").getByText("Quoted", { exact: true })).toBeVisible();
    await desk.context().close();

    // The advertiser accepts it: approved, inventory reserved, balance is the quoted price.
    await page.reload();
    await expect(page.getByText("Accept or decline the quote.")).toBeVisible();
    await page.getByRole("button", { name: "Accept quote" }).click();
    const dialog = page.getByRole("dialog", { name: "Accept this quote?" });
    await dialog.getByRole("button", { name: "Accept quote" }).click();
    await expect(page.getByText(/Quote accepted\. Order #\d+ is approved/)).toBeVisible();
    await expect(page.locator("header").getByText("Approved", { exact: true })).toBeVisible();
    const balance = page.getByRole("region", { name: "Balance" });
    await expect(balance.getByText("Balance due").locator("xpath=following-sibling::dd[1]")).toHaveText(
      "$99.00",
    );
    await expect(
      page.getByText(`Pay by bank transfer to Northwind Media quoting order #${orderId}.`),
    ).toBeVisible();

    await page.getByRole("link", { name: "Delivery report" }).click();
    await expect(page.getByRole("heading", { name: /Delivery: #\d+ E2E quote request/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  });

  test("visitors see a sign-up prompt instead of the cart", async ({ page }) => {
    await page.goto("/book/northwind");
    await expectNoAxeViolations(page);
    await expect(page.getByRole("link", { name: "Sign up to book" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add line item" })).toHaveCount(0);
  });

  test("an advertiser cannot open another advertiser's order", async ({ page, browser }) => {
    await signIn(page, "ads@acme-shoes.test");
    await page.goto("/advertiser/orders");
    await expectNoAxeViolations(page);
    const href = await page
      .getByRole("link", { name: /^#\d+$/ })
      .first()
      .getAttribute("href");
    expect(href).toBeTruthy();
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await signUp(stranger);
    const response = await stranger.goto(href!);
    await expectNoAxeViolations(stranger);
    expect(response?.status()).toBe(404);
    await expect(stranger.getByRole("link", { name: "Delivery report" })).toHaveCount(0);
    const csv = await stranger.request.get(`${href}/delivery/export`);
    expect(csv.status()).toBe(404);
    await other.close();
  });
});
