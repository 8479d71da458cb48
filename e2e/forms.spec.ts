import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

/** The booking calendar's day buttons whose accessible name ends with `status`. */
const daysWith = (page: Page, status: RegExp) => page.getByRole("grid").getByRole("button", { name: status });

/** The manual order page on Northwind Daily's takeover (CPD, one slot per country-day), three months out, US only. */
async function takeoverInThreeMonths(page: Page) {
  await page.goto("/publisher/orders/new");
  await expectNoAxeViolations(page);
  await page.getByLabel("Property", { exact: true }).selectOption({ label: "Northwind Daily" });
  await page.getByLabel("Ad zone").selectOption({ label: "Homepage takeover (970×250) · CPD" });
  for (const country of ["CA", "GB"]) {
    const box = page.getByRole("checkbox", { name: country, exact: true });
    if (await box.isChecked()) await box.uncheck();
  }
  await page.getByRole("checkbox", { name: "US", exact: true }).check();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next month" }).click();
  await expect(daysWith(page, /, 1 day available$/).first()).toBeVisible();
}

/** Picks a range by the days' accessible names ("Monday, March 1, 2027, 1 day available"). */
async function pickRange(page: Page, first: string, last: string) {
  await page.getByRole("grid").getByRole("button", { name: first, exact: true }).click();
  await page.getByRole("grid").getByRole("button", { name: last, exact: true }).click();
}

test.describe
  .serial("forms keep what was typed, builders say no early", () => {
    // The takeover days this file books, as the calendar names them before booking.
    let names: string[] = [];

    test("a refused manual order keeps advertiser, name and property; the property shown is the one used", async ({
      page,
    }) => {
      await signIn(page, "sales@northwind.test");
      await takeoverInThreeMonths(page);
      names = (
        await daysWith(page, /, 1 day available$/).evaluateAll((els) =>
          els.map((el) => el.getAttribute("aria-label") ?? ""),
        )
      ).slice(8, 12);
      expect(names).toHaveLength(4);
      await page.getByLabel("Advertiser", { exact: true }).selectOption({ label: "Acme Shoes" });
      await page.getByLabel("Order name").fill("E2E kept order");

      // The same takeover days twice: each fits alone, together they do not, so the server refuses.
      for (let i = 0; i < 2; i++) {
        await pickRange(page, names[1], names[2]);
        await expect(page.getByText(/^Price: /)).toBeVisible();
        await page.getByRole("button", { name: "Add line item" }).click();
      }
      const items = page.getByRole("list", { name: "Line items to create" });
      await expect(items.getByRole("listitem")).toHaveCount(3);
      await page.getByRole("button", { name: "Create order" }).click();
      const refusal = page.getByRole("alert").filter({ hasText: /US: requested 1, available 0/ });
      await expect(refusal).toBeVisible();
      await expect(refusal).toHaveCount(1);

      await expect(page.getByLabel("Advertiser", { exact: true })).toHaveValue(
        (await page
          .getByLabel("Advertiser", { exact: true })
          .locator("option", { hasText: "Acme Shoes" })
          .getAttribute("value"))!,
      );
      await expect(page.getByLabel("Advertiser", { exact: true }).locator("option:checked")).toHaveText(
        "Acme Shoes",
      );
      await expect(page.getByLabel("Order name")).toHaveValue("E2E kept order");
      await expect(page.getByLabel("Property", { exact: true }).locator("option:checked")).toHaveText(
        "Northwind Daily",
      );

      // Fixing the cart clears the old error; the order is created under the property shown.
      await items.getByRole("button", { name: "Remove" }).first().click();
      await expect(refusal).toHaveCount(0);
      await page.getByRole("button", { name: "Create order" }).click();
      await expect(page).toHaveURL(/\/publisher\/orders\/\d+$/);
      await expectNoAxeViolations(page);
      await expect(page.getByRole("heading", { name: /E2E kept order/ })).toBeVisible();
      await expect(page.getByText("Property: Northwind Daily")).toBeVisible();
    });

    test("the builder refuses a range across sold-out days, beside the dates, and a bad quantity beside its field", async ({
      page,
    }) => {
      expect(names, "the previous test booked the takeover days").toHaveLength(4);
      await signIn(page, "sales@northwind.test");
      await takeoverInThreeMonths(page);
      const booked = names.slice(1, 3).map((n) => n.replace(/, 1 day available$/, ""));
      for (const day of booked) {
        await expect(page.getByRole("grid").getByRole("button", { name: `${day}, sold out` })).toBeVisible();
      }
      await pickRange(page, names[0], names[3]);
      await expect(
        page.getByText(/^Sold out on \d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2}: pick days around them\.$/),
      ).toBeVisible();
      await expect(page.getByRole("button", { name: "Add line item" })).toBeDisabled();

      // A CPM zone: a quantity of 0 and an absurd one are refused beside the field.
      await page.getByLabel("Ad zone").selectOption({ label: "Homepage leaderboard (728×90) · CPM" });
      const impressions = page.getByLabel("Impressions", { exact: true });
      await impressions.fill("0");
      await expect(page.getByText("The quantity must be at least 1.")).toBeVisible();
      await expect(impressions).toHaveAttribute("aria-invalid", "true");
      await impressions.fill("999999999999");
      await expect(page.getByText(/That quantity is too large/)).toBeVisible();
      await page.getByLabel(/^Rate per 1,000 impressions/).fill("-60");
      await expect(page.getByText("The rate cannot be negative.")).toBeVisible();
    });

    test("the booking calendar is one Tab stop operated with arrow keys", async ({ page }) => {
      await signIn(page, "sales@northwind.test");
      await page.goto("/publisher/orders/new");
      await expectNoAxeViolations(page);
      await page.getByLabel("Property", { exact: true }).selectOption({ label: "Northwind Daily" });
      await page.getByLabel("Ad zone").selectOption({ label: "Homepage leaderboard (728×90) · CPM" });
      await page.getByRole("button", { name: "Next month" }).click();
      const grid = page.getByRole("grid");
      // Weekday headers are shown (React Aria hides them from screen readers: each day's
      // name has its weekday); the week starts on the locale's first day, Sunday in en-US.
      const weekdays = grid.locator("thead th");
      await expect(weekdays).toHaveCount(7);
      await expect(weekdays.first()).toBeVisible();
      await expect(weekdays.first()).toHaveText("Sun");
      const stop = grid.locator('[role="button"][tabindex="0"]');
      await expect(stop).toHaveCount(1);
      // Keyboard only: a pointer resting over a day would extend the range it hovers.
      await page.mouse.move(0, 0);
      await stop.focus();
      const focused = page.locator(":focus");
      // "Thursday, March 5, 2026, 12,000 impressions available" → that day, in UTC.
      const dayOf = async () => {
        const label = (await focused.getAttribute("aria-label")) ?? "";
        expect(label).toMatch(
          /^\w+, \w+ \d{1,2}, \d{4}, ([\d,]+ impressions available|checking availability)$/,
        );
        const [, monthDay, year] = label.split(", ");
        return Date.parse(`${monthDay}, ${year} 00:00 UTC`);
      };
      const start = await dayOf();
      await page.keyboard.press("ArrowRight");
      await expect.poll(dayOf).toBe(start + 86_400_000);
      await page.keyboard.press("ArrowDown");
      await expect.poll(dayOf).toBe(start + 8 * 86_400_000);
      // Enter starts the range and, as React Aria does for keyboard users, moves on a day.
      await page.keyboard.press("Enter");
      await expect.poll(dayOf).toBe(start + 9 * 86_400_000);
      await page.keyboard.press("ArrowRight");
      await expect.poll(dayOf).toBe(start + 10 * 86_400_000);
      await page.keyboard.press("Enter");
      const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
      await expect(
        page.getByText(`Dates: ${iso(start + 8 * 86_400_000)} → ${iso(start + 10 * 86_400_000)}`, {
          exact: true,
        }),
      ).toBeVisible();
    });
  });

test("record delivery keeps the line item after an error, and asks before saving more clicks than impressions", async ({
  page,
}) => {
  await signIn(page, "sales@northwind.test");
  await page.goto("/publisher/orders?status=live");
  await expectNoAxeViolations(page);
  const hrefs = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      [...new Set(as.map((a) => a.getAttribute("href") ?? ""))].filter((h) =>
        /\/publisher\/orders\/\d+$/.test(h),
      ),
    );
  let picked: { lineItemId: string; day: string } | null = null;
  for (const href of hrefs) {
    await page.goto(href);
    await expectNoAxeViolations(page);
    const form = page.getByRole("region", { name: "Record delivery" });
    if ((await form.count()) === 0) continue;
    const options = form.getByLabel("Line item", { exact: true }).locator("option");
    const option = options.filter({ hasText: "· Delivering ·" }).last();
    if ((await option.count()) === 0) continue;
    const [, start, end] =
      ((await option.textContent()) ?? "").match(/(\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})$/) ?? [];
    const today = await form.getByLabel("Day", { exact: true }).inputValue();
    const [day] = [today, end].sort();
    if (day < start) continue;
    picked = { lineItemId: (await option.getAttribute("value"))!, day };
    break;
  }
  expect(picked, "a live order with a delivering line item").not.toBeNull();
  const form = page.getByRole("region", { name: "Record delivery" });
  const lineItem = form.getByLabel("Line item", { exact: true });
  await lineItem.selectOption(picked!.lineItemId);
  await form.getByLabel("Day", { exact: true }).fill(picked!.day);
  await form.getByLabel("Impressions", { exact: true }).fill("ten");
  await form.getByLabel("Clicks", { exact: true }).fill("50");
  await form.getByLabel("Reason", { exact: true }).fill("E2E forms check");
  await form.getByRole("button", { name: "Record delivery" }).click();
  await expect(form.getByLabel("Impressions", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(lineItem).toHaveValue(picked!.lineItemId);
  await expect(form.getByLabel("Impressions", { exact: true })).toHaveValue("ten");
  await expect(form.getByLabel("Reason", { exact: true })).toHaveValue("E2E forms check");

  await form.getByLabel("Impressions", { exact: true }).fill("10");
  await form.getByRole("button", { name: "Record delivery" }).click();
  await expect(form.getByText("50 clicks against 10 impressions — save anyway?")).toBeVisible();
  await form.getByRole("button", { name: "Save anyway" }).click();
  await expect(
    page.getByText(
      `Recorded 10 impressions and 50 clicks for line item #${picked!.lineItemId} on ${picked!.day}.`,
    ),
  ).toBeVisible();
});
