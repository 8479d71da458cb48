import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const demoPassword = "demo-password-1";

/** The sign-in page is the same for everyone: axe checks it once per run, not before every sign-in. */
let signInPageChecked = false;

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/login");
  if (!signInPageChecked) {
    await expectNoAxeViolations(page);
    signInPageChecked = true;
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expectNoAxeViolations(page);
}

/**
 * Fails with the list of WCAG 2.1 A/AA violations axe finds on the page as it is now.
 * Call it after each navigation, once the page has settled.
 */
export async function expectNoAxeViolations(page: Page) {
  await page.waitForLoadState("load");
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // Creative previews are the advertiser's HTML in script-less sandboxed frames: not our
    // markup, and axe cannot run inside them (it would wait for them forever).
    .exclude("iframe[sandbox]")
    .analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}
