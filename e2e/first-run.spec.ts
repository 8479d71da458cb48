import { expect, test } from "@playwright/test";
import { emptyBaseUrl } from "./servers";

// This spec runs against the second e2e server, started with ADDESK_SEED=0 on an empty
// database: it must not rely on the demo data.
test.use({ baseURL: emptyBaseUrl });

test("an empty AdDesk leads to setup, which creates the publisher and its owner once", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
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
