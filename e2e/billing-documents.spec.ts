import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

/** The hrefs of the orders listed at `path`, in list order. */
async function orderLinks(page: Page, path: string) {
  await page.goto(path);
  const hrefs = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      as
        .map((a) => a.getAttribute("href"))
        .filter((h): h is string => !!h && /\/publisher\/orders\/\d+$/.test(h)),
    );
  return [...new Set(hrefs)];
}

test("staff make an approved order recur weekly, see its schedule, and pause it", async ({ page }) => {
  await signIn(page, "sales@northwind.test");
  let found = false;
  for (const href of await orderLinks(page, "/publisher/orders?status=approved")) {
    await page.goto(href);
    if (await page.getByRole("form", { name: "Make this order recur" }).count()) {
      found = true;
      break;
    }
  }
  expect(found, "an approved demo order that does not recur yet").toBe(true);
  await expectNoAxeViolations(page);
  const form = page.getByRole("form", { name: "Make this order recur" });
  await form.getByLabel("Every").selectOption("weekly");
  await form.getByLabel("Number of payments").fill("2");
  // Two days ahead, so the scheduler does not charge the first period while the test looks.
  const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("First payment on").fill(later);
  await form.getByLabel("Card to charge").fill("4242 4242 4242 4242");
  await form.getByRole("button", { name: "Make it recur" }).click();
  await expect(page.getByText(/now recurs weekly for 2 periods\.$/)).toBeVisible();

  const schedule = page.getByRole("region", { name: /^Recurring schedule #\d+$/ });
  await expect(schedule.getByText("Active", { exact: true })).toBeVisible();
  await expect(schedule.getByText("2 of 2")).toBeVisible();
  await expect(schedule.getByText("card ending 4242", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  await schedule.getByRole("button", { name: "Pause" }).click();
  await page
    .getByRole("dialog", { name: /^Pause schedule #\d+\?$/ })
    .getByRole("button", { name: "Pause" })
    .click();
  await expect(schedule.getByText("Paused", { exact: true })).toBeVisible();
  await expect(schedule.getByRole("button", { name: "Resume" })).toBeVisible();
});

test("an invoice downloads as a PDF from its page", async ({ page }) => {
  await signIn(page, "owner@northwind.test");
  let invoiceHref: string | null = null;
  for (const href of await orderLinks(page, "/publisher/orders?status=live")) {
    await page.goto(href);
    const link = page.locator('a[href^="/publisher/invoices/"]').first();
    if (await link.count()) {
      invoiceHref = await link.getAttribute("href");
      break;
    }
  }
  expect(invoiceHref, "a live demo order with an invoice").not.toBeNull();
  await page.goto(invoiceHref as string);
  await expectNoAxeViolations(page);
  const download = page.getByRole("link", { name: "Download PDF" });
  const pdfHref = await download.getAttribute("href");
  expect(pdfHref).toBe(`${invoiceHref}/pdf`);
  const response = await page.request.get(pdfHref as string);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
