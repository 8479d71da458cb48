import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

/** The hrefs of the orders listed under `status`, to open one by one. */
async function orderLinks(page: Page, status: string): Promise<string[]> {
  await page.goto(`/publisher/orders?status=${status}`);
  const links = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      as
        .map((a) => a.getAttribute("href"))
        .filter((h): h is string => !!h && /\/publisher\/orders\/\d+$/.test(h)),
    );
  return [...new Set(links)];
}

test.describe("the story an order tells", () => {
  test("the events log names the line item an approval canceled and what it booked", async ({ page }) => {
    await signIn(page, "admin@northwind.test");
    let found = false;
    for (const href of await orderLinks(page, "pending_review")) {
      await page.goto(href);
      if ((await page.getByRole("table").first().locator("tbody tr").count()) >= 2) {
        found = true;
        break;
      }
    }
    expect(found, "a pending order with two line items in the demo data").toBe(true);
    await page.getByRole("button", { name: "Approve order" }).click();
    const dialog = page.getByRole("dialog", { name: "Approve this order?" });
    const first = dialog.getByRole("checkbox", { name: /^Cancel #\d+ / }).first();
    // The checkbox reads "Cancel #12 Leaderboard": the events log must name the same line item.
    const label = await first.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "");
    const [, id, zone] = label.match(/Cancel #(\d+) (.+)$/) ?? [];
    expect(id, `line item in "${label}"`).toBeTruthy();
    await first.check();
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText("Order approved. Inventory is reserved.")).toBeVisible();

    const approval = page
      .getByRole("listitem")
      .filter({ hasText: /^Approve · Pending review → Approved/ })
      .first();
    await expect(approval).toContainText(`canceled ${zone.trim()} (#${id})`);
    await expect(approval).toContainText(/reserved [\d,]+ (impressions|clicks|days) for /);

    // Starting before the order can serve is its own, explicit choice that says what will not serve.
    await expect(page.getByRole("button", { name: "Start now" })).toHaveCount(0);
    await page.getByRole("button", { name: "Start early" }).click();
    const start = page.getByRole("dialog", { name: "Start before the order can serve?" });
    await expect(start.getByRole("listitem").first()).toContainText(/will not serve|The order starts on/);
    await start.getByRole("button", { name: "Start early" }).click();
    await expect(page.locator("header").getByText("Live", { exact: true })).toBeVisible();
  });

  test("a viewer is told what waits, never asked to approve, and told why they cannot create orders", async ({
    page,
  }) => {
    await signIn(page, "viewer@northwind.test");
    const [href] = await orderLinks(page, "pending_review");
    expect(href, "a pending order in the demo data").toBeTruthy();
    await page.goto(href);
    await expect(
      page.getByText("Waiting for an owner, admin or sales manager to approve or reject the order."),
    ).toBeVisible();
    await expect(page.getByText(/Review the order: approve it/)).toHaveCount(0);

    await page.goto("/publisher/orders/new");
    await expect(page).toHaveURL(/\/publisher\/orders\/new$/);
    await expect(page.getByText("Viewers cannot create orders")).toBeVisible();
  });

  test("the report's date filters show the range in effect", async ({ page }) => {
    await signIn(page, "admin@northwind.test");
    await page.goto("/publisher/reports");
    await expect(page.getByLabel("From")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByLabel("To")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("the mail view pages through older mail and searches it", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "admin@northwind.test");
    await page.goto("/publisher/mail");
    const pager = page.getByRole("navigation", { name: "Pagination" });
    const summary = (await pager.locator("p").first().textContent()) ?? "";
    const total = Number(summary.match(/of ([\d,]+)$/)?.[1].replaceAll(",", "") ?? 0);
    // More than a page of mail: each advertiser who signs up gets a welcome email from this desk.
    await page.context().clearCookies();
    for (let n = Math.min(total, 20); n <= 26; n++) {
      await page.goto("/book/northwind/signup");
      await page.getByLabel("Company").fill(`Mail Test ${n} Co`);
      await page.getByLabel("Your name").fill(`Mailtest Person ${n}`);
      await page.getByLabel("Email").fill(`mail-test-${n}@story.test`);
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/welcome=1/);
      await page.context().clearCookies();
    }

    await signIn(page, "admin@northwind.test");
    await page.goto("/publisher/mail");
    await expect(pager.getByText(/^Showing 1–25 of [\d,]+$/)).toBeVisible();
    await pager.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pager.getByText(/^Showing 26–[\d,]+ of [\d,]+$/)).toBeVisible();

    const subject = (await page.locator("article h2").first().textContent()) ?? "";
    await page.getByLabel("Search mail").fill(subject);
    await page.getByLabel("Search mail").press("Enter");
    await expect(page).toHaveURL(/q=/);
    await expect(page.locator("article h2").first()).toContainText(subject);
    const shown = await page.locator("article h2").allTextContents();
    expect(shown.every((s) => s.includes(subject))).toBe(true);

    await page.getByLabel("Search mail").fill("mail-test-26@story.test");
    await page.getByLabel("Search mail").press("Enter");
    await expect(page.locator("article")).toHaveCount(1);
    await expect(page.locator("article")).toContainText("To mail-test-26@story.test");
  });
});
