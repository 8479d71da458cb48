import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";
import { emptyBaseUrl } from "./servers";

// This spec runs against the second e2e server, started with ADDESK_SEED=0 on an empty
// database: it must not rely on the demo data.
test.use({ baseURL: emptyBaseUrl });
// The second test continues the desk the first one set up.
test.describe.configure({ mode: "serial" });

test("an empty AdDesk leads to setup, which creates the publisher and its owner once", async ({ page }) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
  await expect(page).toHaveURL(/\/setup$/);
  await expectNoAxeViolations(page);
  await expect(page.getByRole("heading", { name: "Set up your ad desk" })).toBeVisible();

  await page.getByLabel("Publication or company name").fill("Harbour Weekly");
  // The booking address follows the name until it is edited.
  await expect(page.getByLabel("Booking address")).toHaveValue("harbour-weekly");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("Your name").fill("Ana Costa");
  await page.getByLabel("Email").fill("ana@harbour.test");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create my desk" }).click();

  // Refused: the password field says why, and everything typed is still there.
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Publication or company name")).toHaveValue("Harbour Weekly");
  await expect(page.getByLabel("Email")).toHaveValue("ana@harbour.test");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create my desk" }).click();
  await expect(page).toHaveURL(/\/publisher/);
  await expectNoAxeViolations(page);
  const checklist = page.getByRole("region", { name: "Get your desk ready" });
  await expect(checklist.getByText("0 of 5 done")).toBeVisible();
  await expect(checklist.getByRole("link", { name: "Share your booking link" })).toHaveAttribute(
    "href",
    "/book/harbour-weekly",
  );

  // Setup is gone once a publisher exists, and publisher sign-up is closed by default.
  expect((await page.request.get("/setup")).status()).toBe(404);
  expect((await page.request.get("/signup")).status()).toBe(404);
});

/** An advertiser who finds the booking link, signs up and books one line item; returns the order's id. */
async function advertiserBooks(browser: Browser, zoneName: string) {
  const context = await browser.newContext({ baseURL: emptyBaseUrl });
  const page = await context.newPage();
  await page.goto("/book/harbour-weekly");
  await expectNoAxeViolations(page);
  await expect(page.getByRole("heading", { name: zoneName })).toBeVisible();
  await page.getByRole("link", { name: "Sign up to book" }).first().click();
  await page.getByLabel("Company").fill("Lisbon Surf Co");
  await page.getByLabel("Your name").fill("Rui");
  await page.getByLabel("Email").fill("rui@surf.test");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/book\/harbour-weekly\?welcome=1/);
  await expectNoAxeViolations(page);

  const book = page.locator("#book");
  await book.getByLabel("Ad zone").selectOption({ label: `${zoneName} (300×250) · CPM` });
  await book.getByRole("checkbox", { name: "PT", exact: true }).check();
  await book.getByRole("button", { name: "Next month" }).click();
  const available = book.getByRole("button", { name: /, 10,000 impressions available$/ });
  await available.nth(2).click();
  await available.nth(4).click();
  await book.getByLabel("Impressions", { exact: true }).fill("6000");
  await expect(book.getByText(/^Price: /)).toBeVisible();
  await book.getByRole("button", { name: "Add line item" }).click();
  await book.getByLabel("Order name").fill("Summer swell");
  await book.getByRole("button", { name: "Submit order" }).click();
  await expect(page).toHaveURL(/\/advertiser\/orders\/\d+$/);
  await expectNoAxeViolations(page);
  const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
  await context.close();
  return orderId;
}

async function addCatalog(page: Page, zoneName: string) {
  await page.goto("/publisher/catalog");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Add property" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill("Harbour Weekly newsletter");
  await page.getByLabel("Kind").selectOption("newsletter");
  await page.getByRole("button", { name: "Add property" }).click();
  await expect(page.getByRole("heading", { name: "Harbour Weekly newsletter" })).toBeVisible();

  await page.getByRole("link", { name: "Add zone to Harbour Weekly newsletter" }).first().click();
  await page.getByLabel("Zone name").fill(zoneName);
  await page.getByLabel("Width (px)").fill("300");
  await page.getByLabel("Height (px)").fill("250");
  await page.getByLabel("Base rate (EUR)").fill("8.50");
  await page.getByRole("button", { name: "Add a country price" }).click();
  await page.getByLabel("Country (row 1)").fill("ES");
  await page.getByLabel("Value (row 1)").fill("10");
  await page.getByLabel("Monthly impressions").fill("300000");
  await page.getByLabel("Country (share 1)").fill("PT");
  await page.getByLabel("Share % (share 1)").fill("100");
  await page.getByRole("button", { name: "Add zone" }).click();
  await expect(page).toHaveURL(/\/publisher\/catalog$/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: `Inventory of ${zoneName}` }).click();
  await expect(page.getByText(/capacity 10,000, reserved 0, available 10,000/).first()).toBeAttached();
}

test("from an empty desk to an approved order: catalog, inventory, booking link, sign-up, approval", async ({
  page,
  browser,
}) => {
  test.slow();
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill("ana@harbour.test");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/publisher/);
  await expectNoAxeViolations(page);

  const zoneName = "Mid-article rectangle";
  await addCatalog(page, zoneName);
  const orderId = await advertiserBooks(browser, zoneName);

  await page.goto("/publisher");
  await expectNoAxeViolations(page);
  const checklist = page.getByRole("region", { name: "Get your desk ready" });
  await expect(checklist.getByText("4 of 5 done")).toBeVisible();

  await page.goto(`/publisher/orders/${orderId}`);
  await expectNoAxeViolations(page);
  await expect(page.getByRole("heading", { name: /Summer swell/ })).toBeVisible();
  await page.getByRole("button", { name: "Approve order" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve this order?" });
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.locator("header").getByText("Approved", { exact: true })).toBeVisible();
});
