import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";
import { Mailbox } from "./mailbox";

// Emailed links arrive with the app's next mail pass, up to JOBS_INTERVAL_MS (15 s) later.
const mailTimeout = 120_000;

test.describe("invitation takeover (issue 8)", () => {
  const mailbox = new Mailbox();
  test.beforeAll(() => mailbox.start());
  test.afterAll(() => mailbox.stop());

  test("a viewer can neither read nor take an owner invitation", async ({ page, browser }) => {
    test.setTimeout(mailTimeout);
    const invitee = `next.owner.${Date.now()}@northwind.test`;

    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signIn(owner, "owner@northwind.test");
    await owner.goto("/publisher/team");
    await expectNoAxeViolations(owner);
    await owner.getByLabel("Email").fill(invitee);
    await owner.getByLabel("Role", { exact: true }).selectOption("owner");
    await owner.getByRole("button", { name: "Send invitation" }).click();
    await expect(owner.getByText(/Invitation sent/)).toBeVisible();
    const link = await mailbox.link(invitee, "invite");
    const path = new URL(link).pathname;
    const token = path.split("/invite/")[1];

    // The viewer's mail view lists other emails, but not the invitation and no invitation link.
    await signIn(page, "viewer@northwind.test");
    await page.goto("/publisher/mail");
    await expectNoAxeViolations(page);
    await expect(page.getByRole("heading", { name: "Mail", level: 1 })).toBeVisible();
    await expect(page.getByRole("article").first()).toBeVisible();
    await expect(page.getByRole("article").filter({ hasText: invitee })).toHaveCount(0);
    await expect(page.getByText("/invite/")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);

    // The owner sees that the invitation went out, with the link cut short.
    await owner.goto("/publisher/mail");
    await expectNoAxeViolations(owner);
    const ownersCopy = owner.getByRole("article").filter({ hasText: invitee });
    await expect(ownersCopy).toContainText(`/invite/${token.slice(0, 4)}…`);
    await expect(ownersCopy).not.toContainText(token);
    await ownerContext.close();

    // Even holding the link, the signed-in viewer is refused and the invitation stays open.
    await page.goto(path);
    await expectNoAxeViolations(page);
    await expect(page.getByRole("heading", { name: "This invitation is for someone else" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Join the team" })).toHaveCount(0);

    const inviteeContext = await browser.newContext();
    const guest = await inviteeContext.newPage();
    await guest.goto(path);
    await expectNoAxeViolations(guest);
    await expect(guest.getByRole("heading", { name: /^Join Northwind Media/ })).toBeVisible();
    await guest.getByLabel("Your name").fill("Nora Owner");
    await guest.getByLabel("Password").fill("a long enough password");
    await guest.getByRole("button", { name: "Join the team" }).click();
    await expect(guest).toHaveURL(/\/publisher$/);
    await expectNoAxeViolations(guest);
    await expect(guest.getByText(/owner at Northwind Media/i).first()).toBeVisible();

    // The link worked once.
    await guest.goto(path);
    await expectNoAxeViolations(guest);
    await expect(guest.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
    await inviteeContext.close();

    // The viewer is still a viewer.
    await page.goto("/publisher");
    await expectNoAxeViolations(page);
    await expect(page.getByText(/viewer at Northwind Media/i).first()).toBeVisible();
  });
});

test.describe("password reset (issue 8)", () => {
  const mailbox = new Mailbox();
  test.beforeAll(() => mailbox.start());
  test.afterAll(() => mailbox.stop());

  test("a person who forgot their password sets a new one by email, and their old session ends", async ({
    page,
    browser,
  }) => {
    test.setTimeout(mailTimeout);
    const email = `forgetful-${Date.now()}@booker.test`;
    await page.goto("/book/northwind/signup");
    await expectNoAxeViolations(page);
    await page.getByLabel("Company").fill("Forgetful Co");
    await page.getByLabel("Your name").fill("Fern Forgetful");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("the first password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/book\/northwind\?welcome=1/);
    await expectNoAxeViolations(page);

    const neutral = /If an account uses this email, we sent it a link to choose a new password/;
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await other.goto("/login");
    await expectNoAxeViolations(other);
    await other.getByRole("link", { name: "Forgot password?" }).click();
    await expect(other).toHaveURL(/\/forgot-password$/);
    await expectNoAxeViolations(other);
    await other.getByLabel("Email").fill("nobody.at.all@booker.test");
    await other.getByRole("button", { name: "Send reset link" }).click();
    await expect(other.getByRole("status").filter({ hasText: neutral })).toBeVisible();
    await other.getByLabel("Email").fill(email);
    await other.getByRole("button", { name: "Send reset link" }).click();
    await expect(other.getByRole("status").filter({ hasText: neutral })).toBeVisible();

    const link = await mailbox.link(email, "reset-password");
    const path = new URL(link).pathname;
    await other.goto(path);
    await expectNoAxeViolations(other);
    await expect(other.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await other.getByLabel("New password").fill("short");
    await other.getByRole("button", { name: "Set new password" }).click();
    await expect(other.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await other.getByLabel("New password").fill("the second password");
    await other.getByRole("button", { name: "Set new password" }).click();
    await expect(other).toHaveURL(/\/login\?reset=1/);
    await expectNoAxeViolations(other);
    await expect(other.getByText(/Your password was changed/)).toBeVisible();

    // The session that was signed in before the reset is over.
    await page.goto("/advertiser/orders");
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);

    await signIn(other, email, "the second password");
    await expect(other).toHaveURL(/\/advertiser\/orders$/);
    await expectNoAxeViolations(other);
    await other.goto(path);
    await expectNoAxeViolations(other);
    await expect(other.getByRole("heading", { name: "This reset link is no longer valid" })).toBeVisible();
    await otherContext.close();
  });
});

test.describe("ended sessions (issue 8)", () => {
  test("a session cookie copied before sign-out does not work after it", async ({ page, browser }) => {
    await signIn(page, "sales2@northwind.test");
    const copied = (await page.context().cookies()).filter((c) => c.name.endsWith("authjs.session-token"));
    expect(copied).toHaveLength(1);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);

    const elsewhere = await browser.newContext();
    await elsewhere.addCookies(copied);
    const replay = await elsewhere.newPage();
    const response = await replay.goto("/publisher/orders");
    await expectNoAxeViolations(replay);
    expect(response?.status()).toBeLessThan(500);
    await expect(replay).toHaveURL(/\/login/);
    await expectNoAxeViolations(replay);
    await elsewhere.close();
  });
});
