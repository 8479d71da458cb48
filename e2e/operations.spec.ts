import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe("failed work (operations page)", () => {
  test("an owner reaches it from Mail and sees failed steps and unsent emails, at desktop and phone width", async ({
    page,
  }) => {
    await signIn(page, "owner@northwind.test");
    await page.goto("/publisher/mail");
    await page.getByRole("link", { name: "Failed work" }).click();
    await expect(page).toHaveURL(/\/publisher\/settings\/operations$/);
    await expect(page.getByRole("heading", { name: "Failed work" })).toBeVisible();
    await expect(page.getByText("Failed background steps")).toBeVisible();
    await expect(page.getByText("Unsent emails")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { name: "Failed work" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a sales manager is told it is for owners and admins", async ({ page }) => {
    await signIn(page, "sales@northwind.test");
    await page.goto("/publisher/settings/operations");
    await expect(page.getByText("Only owners and admins see failed background work.")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
