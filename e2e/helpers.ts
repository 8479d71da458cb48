import { expect, type Page } from "@playwright/test";

export const demoPassword = "demo-password-1";

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
