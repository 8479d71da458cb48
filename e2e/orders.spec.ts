import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

/** Opens pending self-serve orders until one with at least two line items turns up. */
async function openPendingOrderWithLineItems(page: Page, min: number) {
  await page.goto("/publisher/orders?status=pending_review");
  await expectNoAxeViolations(page);
  const links = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      as
        .map((a) => a.getAttribute("href"))
        .filter((h): h is string => !!h && /\/publisher\/orders\/\d+$/.test(h)),
    );
  for (const href of [...new Set(links)]) {
    await page.goto(href);
    await expectNoAxeViolations(page);
    const rows = page.getByRole("table").first().locator("tbody tr");
    if ((await rows.count()) >= min) return href;
  }
  throw new Error(`no pending order with ${min} line items in the demo data`);
}

test.describe("publisher orders desk", () => {
  test("reviews a self-serve order and approves it with one line item canceled", async ({ page }) => {
    await signIn(page, "admin@northwind.test");
    await openPendingOrderWithLineItems(page, 2);
    await expect(page.getByText("Review the order: approve it to reserve inventory")).toBeVisible();
    await page.getByRole("button", { name: "Approve order" }).click();
    const dialog = page.getByRole("dialog", { name: "Approve this order?" });
    await dialog.getByRole("checkbox").first().check();
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText("Order approved. Inventory is reserved.")).toBeVisible();
    await expect(page.locator("header").getByText("Approved", { exact: true })).toBeVisible();
    const rows = page.getByRole("table").first().locator("tbody tr");
    await expect(rows.filter({ hasText: "Canceled" })).toHaveCount(1);
    await expect(
      page.getByRole("listitem").filter({ hasText: /^Approve · Pending review → Approved/ }),
    ).toBeVisible();
  });

  test("creates a manual order through the calendar, then cancels a line item into a credit note", async ({
    page,
  }) => {
    await signIn(page, "sales@northwind.test");
    await page.goto("/publisher/orders/new");
    await expectNoAxeViolations(page);
    await page.getByLabel("Advertiser", { exact: true }).selectOption({ label: "Acme Shoes" });
    await page.getByLabel("Order name").fill("E2E manual order");
    const zone = page.getByLabel("Ad zone");
    const cpm = await zone.locator("option").filter({ hasText: "CPM" }).first().getAttribute("value");
    await zone.selectOption(cpm!);
    await page.getByRole("button", { name: "Next month" }).click();
    const available = page.getByRole("button", {
      name: /^\w+, \w+ \d{1,2}, \d{4}, [\d,]+ impressions available$/,
    });
    await available.nth(2).click();
    await available.nth(4).click();
    await expect(page.getByText(/^Dates: \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}$/)).toBeVisible();
    await page.getByLabel("Impressions", { exact: true }).fill("1000");
    await expect(page.getByText(/^Price: /)).toBeVisible();
    await page.getByRole("button", { name: "Add line item" }).click();
    await expect(page.getByRole("list", { name: "Line items to create" }).getByRole("listitem")).toHaveCount(
      2,
    );
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page).toHaveURL(/\/publisher\/orders\/\d+$/);
    await expectNoAxeViolations(page);
    await expect(page.getByRole("heading", { name: /E2E manual order/ })).toBeVisible();
    await expect(page.locator("header").getByText("Approved", { exact: true })).toBeVisible();

    const balance = page.getByRole("region", { name: "Balance" });
    await expect(balance.getByText("Credit notes").locator("xpath=following-sibling::dd[1]")).toHaveText(
      "$0.00",
    );
    await page
      .getByRole("table")
      .first()
      .getByRole("button", { name: /^Actions for line item/ })
      .click();
    await page.getByRole("menuitem", { name: /^Cancel/ }).click();
    const dialog = page.getByRole("dialog", { name: /Cancel line item/ });
    await expect(dialog.getByText("This cannot be undone.")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel line item" }).click();
    await expect(
      page.getByText("Line item canceled. Its undelivered value is now a credit note on the order."),
    ).toBeVisible();
    await expect(page.getByRole("table").first().locator("tbody tr").first()).toContainText("Canceled");
    await expect(balance.getByText("Credit notes").locator("xpath=following-sibling::dd[1]")).not.toHaveText(
      "$0.00",
    );
  });

  test("a viewer sees orders but no actions", async ({ page }) => {
    await signIn(page, "viewer@northwind.test");
    await openPendingOrderWithLineItems(page, 1);
    await expect(page.getByRole("button", { name: "Approve order" })).toHaveCount(0);
    // The page says why instead of sending the viewer elsewhere without a word.
    await page.goto("/publisher/orders/new");
    await expect(page.getByText("Viewers cannot create orders")).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to orders" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
