import { expect, test } from "@playwright/test";
import { demoPassword, expectNoAxeViolations, signIn } from "./helpers";
import { Mailbox } from "./mailbox";

test.describe("sign-in and roles", () => {
  for (const [email, role] of [
    ["owner@northwind.test", "owner"],
    ["admin@northwind.test", "admin"],
    ["sales@northwind.test", "sales manager"],
    ["viewer@northwind.test", "viewer"],
  ] as const) {
    test(`${role} lands on the publisher desk overview`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(/\/publisher$/);
      await expectNoAxeViolations(page);
      await expect(page.getByRole("heading", { name: "Orders overview" })).toBeVisible();
      await expect(page.getByText(new RegExp(`${role} at Northwind Media`, "i")).first()).toBeVisible();
      await expect(page.getByRole("region", { name: "Latest orders" }).getByRole("row").nth(1)).toBeVisible();
    });
  }

  test("an advertiser lands on their orders and is refused the publisher desk", async ({ page }) => {
    await signIn(page, "ads@acme-shoes.test");
    await expect(page).toHaveURL(/\/advertiser\/orders$/);
    await expectNoAxeViolations(page);
    await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
    await page.goto("/publisher/team");
    await expect(page).toHaveURL(/\/advertiser\/orders$/);
    await expectNoAxeViolations(page);
  });

  test("staff are refused the advertiser portal", async ({ page }) => {
    await signIn(page, "sales@northwind.test");
    await page.goto("/advertiser/orders");
    await expect(page).toHaveURL(/\/publisher$/);
    await expectNoAxeViolations(page);
  });

  test("a signed-out visitor is sent to sign in and comes back afterwards", async ({ page }) => {
    await page.goto("/publisher/team");
    await expect(page).toHaveURL(/\/login\?next=%2Fpublisher%2Fteam/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill("admin@northwind.test");
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/publisher\/team$/);
    await expectNoAxeViolations(page);
  });

  test("wrong password and malformed email get clear messages", async ({ page }) => {
    await page.goto("/login");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill("admin@northwind.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an account.").first()).toBeVisible();
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("whatever");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);
  });

  test("repeated wrong passwords are slowed down, not locked, with a way to reset the password", async ({
    page,
  }) => {
    await page.goto("/login");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill(`nobody-${Date.now()}@northwind.test`);
    const slowedDown = page.getByText(/^Too many failed sign-in attempts\. Try again in \d+ seconds?\.$/);
    // Five failures are free; then each attempt must wait 1, 2, 4 … seconds, which a quick retry does not.
    for (let i = 0; i < 12 && !(await slowedDown.isVisible()); i++) {
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
    }
    await expect(slowedDown).toBeVisible();
    await expect(page.getByRole("link", { name: "Forgot password?" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
  });

  test("a tampered session cookie reads as signed out, not an error", async ({ page, context, baseURL }) => {
    await signIn(page, "admin@northwind.test");
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "authjs.session-token");
    expect(session).toBeTruthy();
    await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -4)}abcd` }]);
    const response = await page.goto("/publisher");
    await expectNoAxeViolations(page);
    expect(response?.status()).toBeLessThan(500);
    await expect(page).toHaveURL(new RegExp(`${baseURL}/login`));
    await expectNoAxeViolations(page);
  });

  test("sign out ends the session", async ({ page }) => {
    await signIn(page, "viewer@northwind.test");
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);
    await page.goto("/publisher");
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);
  });
});

test.describe("advertiser sign-up", () => {
  test("signs up on a publisher's booking page and refuses a duplicate email", async ({ page }) => {
    await page.goto("/book/northwind");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Company").fill("Brand New Co");
    await page.getByLabel("Your name").fill("Bea Brand");
    await page.getByLabel("Email").fill("bea@brand-new.test");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/book\/northwind\?welcome=1/);
    await expectNoAxeViolations(page);
    await expect(page.getByText(/Welcome/)).toBeVisible();

    await page.context().clearCookies();
    await page.goto("/book/northwind/signup");
    await expectNoAxeViolations(page);
    await page.getByLabel("Company").fill("Copycat Co");
    await page.getByLabel("Your name").fill("Cat");
    await page.getByLabel("Email").fill("bea@brand-new.test");
    await page.getByLabel("Password").fill("another long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(
      page.getByText("An account with this email already exists. Sign in instead.").first(),
    ).toBeVisible();
  });
});

test.describe("staff invitation", () => {
  const mailbox = new Mailbox();
  test.beforeAll(() => mailbox.start());
  test.afterAll(() => mailbox.stop());

  test("an admin invites a viewer, who joins through the emailed link", async ({ page, browser }) => {
    // The link arrives with the app's next mail pass, up to JOBS_INTERVAL_MS (15 s) later.
    test.setTimeout(120_000);
    await signIn(page, "admin@northwind.test");
    await page.goto("/publisher/team");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill("new.viewer@northwind.test");
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(/Invitation sent/)).toBeVisible();
    const link = await mailbox.link("new.viewer@northwind.test", "invite");
    const token = new URL(link).pathname.split("/invite/")[1];

    await page.goto("/publisher/mail");
    await expectNoAxeViolations(page);
    const mail = page.getByRole("article").filter({ hasText: "new.viewer@northwind.test" }).first();
    await expect(mail).toContainText(`/invite/${token.slice(0, 4)}…`);
    await expect(mail).not.toContainText(token);

    const guest = await (await browser.newContext()).newPage();
    await guest.goto(new URL(link).pathname);
    await expectNoAxeViolations(guest);
    await guest.getByLabel("Your name").fill("Nova Viewer");
    await guest.getByLabel("Password").fill("a long enough password");
    await guest.getByRole("button", { name: "Join the team" }).click();
    await expect(guest).toHaveURL(/\/publisher$/);
    await expectNoAxeViolations(guest);
    await expect(guest.getByText(/viewer at Northwind Media/i).first()).toBeVisible();
    await guest.close();
  });
});
