import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test("the owner adds a property and a zone with country pricing, sees its inventory and finds it on the media kit", async ({
  page,
}) => {
  const stamp = Date.now();
  const propertyName = `Field Notes ${stamp}`;
  const zoneName = `Inline banner ${stamp}`;
  await signIn(page, "owner@northwind.test");

  await page.goto("/publisher/catalog");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Add property" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill(propertyName);
  await page.getByLabel("Kind").selectOption("newsletter");
  await page.getByLabel("URL", { exact: true }).fill("https://example.test/field-notes");
  await page.getByLabel("Audience").fill("25,000 readers in Germany");
  await page.getByRole("button", { name: "Add property" }).click();
  await expect(page).toHaveURL(/\/publisher\/catalog$/);
  await expectNoAxeViolations(page);
  await expect(page.getByRole("heading", { name: propertyName })).toBeVisible();

  await page
    .getByRole("link", { name: `Add zone to ${propertyName}` })
    .first()
    .click();
  await page.getByLabel("Zone name").fill(zoneName);
  await page.getByLabel("Base rate (USD)").fill("12.50");
  await page.getByRole("button", { name: "Add a country price" }).click();
  await page.getByLabel("Country (row 1)").fill("DE");
  await page.getByLabel("Value (row 1)").fill("20");
  // The preview prices Germany as quotes will: 12.50 + 20%.
  await expect(page.getByText("DE: $15.00")).toBeVisible();
  await page.getByLabel("Monthly impressions").fill("300000");
  await page.getByLabel("Country (share 1)").fill("DE");
  await page.getByLabel("Share % (share 1)").fill("70");
  await page.getByRole("button", { name: "Add a country share" }).click();
  await page.getByLabel("Country (share 2)").fill("FR");
  await page.getByLabel("Share % (share 2)").fill("40");
  await page.getByRole("button", { name: "Add zone" }).click();

  // Refused next to the field, with everything typed kept.
  await expect(page.getByText(/add up to 110%; they can be at most 100%/)).toBeVisible();
  await expect(page.getByLabel("Zone name")).toHaveValue(zoneName);
  await expect(page.getByLabel("Country (row 1)")).toHaveValue("DE");

  await page.getByRole("button", { name: "Remove share 2" }).click();
  await page.getByLabel("Share % (share 1)").fill("100");
  await page.getByRole("button", { name: "Add zone" }).click();
  await expect(page).toHaveURL(/\/publisher\/catalog$/);
  await expectNoAxeViolations(page);
  await expect(page.getByRole("cell", { name: new RegExp(zoneName) })).toBeVisible();

  await page.getByRole("link", { name: `Inventory of ${zoneName}` }).click();
  await expect(page.getByRole("heading", { name: `${propertyName} · ${zoneName}` })).toBeVisible();
  await expect(page.getByText(/capacity 10,000, reserved 0, available 10,000/).first()).toBeAttached();
  await expect(page.getByRole("link", { name: "DE", exact: true })).toBeVisible();

  // A holiday at half the estimate: today's German capacity drops to 5,000.
  await page.getByLabel("Set capacity as").selectOption("percent");
  await page.getByLabel("Capacity or percentage").fill("50");
  await page.getByRole("button", { name: "Set capacity" }).click();
  await expect(page.getByText(/Capacity set for 1 day/).first()).toBeVisible();
  await expect(page.getByText(/capacity 5,000, reserved 0, available 5,000/).first()).toBeAttached();

  // A new rate shows on the media kit at once.
  await page.goto("/publisher/catalog");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `Edit ${zoneName}` }).click();
  await expect(page.getByLabel("Country (row 1)")).toHaveValue("DE");
  await page.getByLabel("Base rate (USD)").fill("20.00");
  await page.getByRole("button", { name: "Save zone" }).click();
  await expect(page).toHaveURL(/\/publisher\/catalog$/);
  await expectNoAxeViolations(page);

  await page.goto("/book/northwind");
  await expectNoAxeViolations(page);
  await expect(page.getByRole("heading", { name: propertyName })).toBeVisible();
  const zone = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: zoneName }) });
  await expect(zone.getByText("$20.00")).toBeVisible();

  // Ads paused on the property: marked in the catalog, and the zone's preview says why nothing serves.
  await page.goto("/publisher/catalog");
  await page.getByRole("button", { name: `Pause ads on ${propertyName}` }).click();
  await page
    .getByRole("dialog", { name: `Pause ads on ${propertyName}?` })
    .getByRole("button", { name: "Pause ads" })
    .click();
  await expect(page.getByText(`Ads on ${propertyName} are paused`)).toBeVisible();
  const card = page.getByRole("heading", { name: propertyName });
  await expect(card.getByText("Ads paused")).toBeVisible();
  await page.getByRole("link", { name: `Preview and tag of ${zoneName}` }).click();
  await expect(page.getByTestId("serving-now")).toContainText(`ads are paused on ${propertyName}`);
  await expectNoAxeViolations(page);
});
