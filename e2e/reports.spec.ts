import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

/** A CSV download's text after its UTF-8 BOM (which Excel needs); fails if the BOM is missing. */
async function csvText(response: { text(): Promise<string> }) {
  const text = await response.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1);
}

test.describe("delivery reports", () => {
  test("staff group delivery by zone and export the table as CSV", async ({ page }) => {
    await signIn(page, "sales@northwind.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Group the report" });
    await expect(tabs.getByRole("link", { name: "By day" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByLabel("From", { exact: true })).toBeVisible();
    await expect(page.getByLabel("To", { exact: true })).toBeVisible();

    await tabs.getByRole("link", { name: "By zone" }).click();
    await expect(page).toHaveURL(/group=zone/);
    await expectNoAxeViolations(page);
    await expect(tabs.getByRole("link", { name: "By zone" })).toHaveAttribute("aria-current", "page");
    const table = page.getByRole("table", { name: /^Delivery by zone/ });
    await expect(table).toBeVisible();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect(table.locator("tfoot").getByText("Total")).toBeVisible();

    // Sorting lives in the URL too.
    await table.getByRole("link", { name: /^Clicks/ }).click();
    await expect(page).toHaveURL(/sort=clicks/);
    await expectNoAxeViolations(page);
    await expect(
      page.getByRole("table", { name: /^Delivery by zone/ }).getByRole("columnheader", { name: /Clicks/ }),
    ).toHaveAttribute("aria-sort", "descending");

    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toMatch(/^\/publisher\/reports\/export\?.*group=zone/);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csvText(csv)).split("\r\n");
    expect(lines[0]).toMatch(/^zone_id,zone,property,impressions,clicks,ctr_percent,conversions,/);
    expect(lines.filter(Boolean).length).toBeGreaterThan(1);
  });

  test("an advertiser sees only their own orders' line items", async ({ page }) => {
    await signIn(page, "ads@acme-shoes.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Group the report" });
    await expect(tabs.getByRole("link", { name: "By line item" })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "By advertiser" })).toHaveCount(0);

    await tabs.getByRole("link", { name: "By line item" }).click();
    await expect(page).toHaveURL(/group=line_item/);
    await expectNoAxeViolations(page);
    const table = page.getByRole("table", { name: /^Delivery by line item/ });
    await expect(table).toBeVisible();
    const links = await table
      .locator('tbody a[href^="/advertiser/orders/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(links.length).toBeGreaterThan(0);

    // Every line item is on one of the advertiser's orders, in the CSV as well.
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    const [header, ...rows] = (await csvText(csv)).split("\r\n").filter(Boolean);
    expect(header).toMatch(/^line_item_id,order_id,order,zone,property,advertiser,/);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(",Acme Shoes,");

    // The advertiser grouping is not offered, and asking for it falls back to days.
    const byAdvertiser = await page.request.get("/advertiser/reports/export?group=advertiser");
    expect((await csvText(byAdvertiser)).split("\r\n")[0]).toBe(
      "date,impressions,clicks,ctr_percent,conversions",
    );

    // A line item links to its order's delivery page, which only the order's advertiser may open.
    await page.goto(links[0]);
    await expectNoAxeViolations(page);
    await expect(page.getByRole("heading", { level: 1, name: /^Delivery: #\d+/ })).toBeVisible();

    // The desk's export is not for advertisers.
    expect((await page.request.get("/publisher/reports/export")).status()).toBe(403);
  });
});
