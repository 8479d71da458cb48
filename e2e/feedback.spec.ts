import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const toasts = (page: Page) => page.locator("[data-sonner-toast]");
const uniqueEmail = (tag: string) => `e2e-${tag}-${Date.now()}@northwind.test`;

async function invite(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
}

test.describe("feedback", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "admin@northwind.test");
    await page.goto("/publisher/team");
    await expectNoAxeViolations(page);
  });

  test("an error toast closes with its button or Escape, goes on save and does not survive navigation", async ({
    page,
  }) => {
    await invite(page, "not an email");
    const error = toasts(page).filter({ hasText: "Please correct" });
    await expect(error).toHaveCount(1);
    await error.getByRole("button", { name: "Dismiss notification" }).click();
    await expect(error).toHaveCount(0);

    // A second failure of the same form replaces the first instead of stacking.
    await invite(page, "still not an email");
    await invite(page, "nor this");
    await expect(error).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(error).toHaveCount(0);

    // A later successful save of the same form closes its error.
    await invite(page, "bad");
    await expect(error).toHaveCount(1);
    await invite(page, uniqueEmail("toast"));
    await expect(toasts(page).filter({ hasText: "Invitation sent" })).toHaveCount(1);
    await expect(error).toHaveCount(0);

    // Navigation leaves errors behind.
    await invite(page, "bad again");
    await expect(error).toHaveCount(1);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).click();
    await expect(page).toHaveURL(/\/publisher\/orders$/);
    await expect(error).toHaveCount(0);
  });

  test("a success toast stays while hovered or focused, then closes itself", async ({ page }) => {
    test.setTimeout(60_000);
    await invite(page, uniqueEmail("hover"));
    const success = toasts(page).filter({ hasText: "Invitation sent" });
    await expect(success).toHaveCount(1);
    await success.hover();
    await page.waitForTimeout(7_000);
    await expect(success).toHaveCount(1);

    await page.mouse.move(0, 0);
    await success.getByRole("button", { name: "Dismiss notification" }).focus();
    await page.waitForTimeout(7_000);
    await expect(success).toHaveCount(1);

    await page.getByLabel("Email").focus();
    await expect(success).toHaveCount(0, { timeout: 10_000 });
  });

  test("a network failure keeps the page and what was typed, and Retry sends it", async ({ page }) => {
    const email = uniqueEmail("offline");
    const offline = (route: import("@playwright/test").Route) =>
      route.request().method() === "POST" && route.request().headers()["next-action"]
        ? route.abort("internetdisconnected")
        : route.fallback();
    await page.route("**/publisher/team", offline);
    await invite(page, email);
    const failure = toasts(page).filter({ hasText: "Your change did not go through" });
    await expect(failure).toHaveCount(1);
    await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByText("This page couldn't load")).toHaveCount(0);

    await page.unroute("**/publisher/team", offline);
    await failure.getByRole("button", { name: "Retry" }).click();
    await expect(toasts(page).filter({ hasText: "Invitation sent" })).toHaveCount(1);
    await expect(failure).toHaveCount(0);
    await expect(page.getByText(email).first()).toBeVisible();
  });

  test("an unknown address under the desk shows the branded 404 in the shell, with a way home", async ({
    page,
  }) => {
    const response = await page.goto("/publisher/nope");
    expect(response?.status()).toBe(404);
    await expectNoAxeViolations(page);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the desk overview" }).click();
    await expect(page).toHaveURL(/\/publisher$/);
  });

  test("bulk approve asks first and says what it will reserve", async ({ page }) => {
    await page.goto("/publisher/orders?status=pending_review");
    await expectNoAxeViolations(page);
    await page
      .getByRole("checkbox", { name: /^Select order #/ })
      .first()
      .check();
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Approve the selected orders?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      /Approving 1 order reserves (inventory for \d+ line items?: [\d,]+ |no inventory)/,
    );
    await expect(dialog.getByRole("button", { name: "Approve 1 order" })).toBeVisible();
    await dialog.getByRole("button", { name: "Go back" }).click();
    await expect(dialog).toBeHidden();
    await expect(toasts(page)).toHaveCount(0);
  });
});
