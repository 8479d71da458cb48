import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const staff = "admin@northwind.test";
const advertiser = "ads@acme-shoes.test";
const pdf = {
  name: "draft-2.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n% draft two\n"),
};

async function openFirstAdvertiserOrder(page: Page): Promise<number> {
  await page.goto("/advertiser/orders");
  const link = page.getByRole("link", { name: /^#\d+$/ }).first();
  const id = Number((await link.textContent())?.replace("#", ""));
  expect(id).toBeGreaterThan(0);
  return id;
}

test.describe("working on an order together", () => {
  test("drafts go back and forth until approved, messages travel both ways with unread badges, internal notes stay inside", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const advertiserPage = await (await browser.newContext()).newPage();
    await signIn(advertiserPage, advertiser);
    const orderId = await openFirstAdvertiserOrder(advertiserPage);
    const staffOrder = `/publisher/orders/${orderId}`;
    const advertiserOrder = `/advertiser/orders/${orderId}`;
    const stamp = Date.now();

    // Staff send draft 1.
    await signIn(page, staff);
    await page.goto(staffOrder);
    await expectNoAxeViolations(page);
    const staffFeedback = page.locator("#feedback");
    await staffFeedback.getByLabel("Proposal or draft text").fill(`Headline: Spring steps ${stamp}`);
    await staffFeedback.getByRole("button", { name: "Ask for feedback" }).click();
    await expect(page.getByText("Draft 1 sent.").first()).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Waiting for advertiser" })).toBeVisible();

    // The advertiser asks for a change; a comment is required.
    await advertiserPage.goto(advertiserOrder);
    await expectNoAxeViolations(advertiserPage);
    const answer = advertiserPage.locator("#feedback");
    await expect(answer.getByText(`Headline: Spring steps ${stamp}`)).toBeVisible();
    await answer.getByRole("button", { name: "Ask for changes" }).click();
    await expect(answer.getByText("Say what should change.").first()).toBeVisible();
    await answer.getByLabel("Comment").fill("Make the logo bigger");
    await answer.getByRole("button", { name: "Ask for changes" }).click();
    await expect(advertiserPage.getByText("Change request sent to the publisher.").first()).toBeVisible();
    await expect(answer.getByText("Changes requested")).toBeVisible();

    // Staff see the comment and send draft 2 as a file.
    await page.reload();
    await expect(staffFeedback.getByText("Advertiser: Make the logo bigger")).toBeVisible();
    await staffFeedback.getByLabel("Draft file (optional)").setInputFiles(pdf);
    await staffFeedback.getByRole("button", { name: "Ask for feedback" }).click();
    await expect(page.getByText("Draft 2 sent.").first()).toBeVisible();

    // The advertiser approves draft 2.
    await advertiserPage.reload();
    await expect(answer.getByRole("link", { name: "draft-2.pdf" })).toBeVisible();
    await answer.getByRole("button", { name: "Approve draft" }).click();
    await expect(advertiserPage.getByText("Draft approved.").first()).toBeVisible();
    await expect(answer.getByText("Draft 2 · Approved")).toBeVisible();
    await expect(answer.getByRole("status")).toHaveCount(0);

    // Every round is in the events log.
    await page.reload();
    await expect(page.getByText("Feedback changes requested").first()).toBeVisible();
    await expect(page.getByText("Feedback approved").first()).toBeVisible();

    // A message each way, an internal note that stays inside, and the unread badges.
    const thread = (p: Page) => p.locator("#messages");
    await thread(page).getByLabel("Message or note").fill(`Internal ${stamp}: check their payment`);
    await thread(page).getByLabel("Internal note (only your team sees it)").check();
    await thread(page).getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Internal note saved.").first()).toBeVisible();
    await thread(page).getByLabel("Message or note").fill(`Hello from the desk ${stamp}`);
    await thread(page).getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Message sent.").first()).toBeVisible();

    await advertiserPage.goto("/advertiser/orders");
    await expectNoAxeViolations(advertiserPage);
    const nav = advertiserPage.getByRole("navigation", { name: "Main" }).first();
    await expect(nav.getByRole("link", { name: /My orders\s*\d+ unread messages?/ })).toBeVisible();
    await expect(
      advertiserPage.getByRole("row", { name: new RegExp(`#${orderId}`) }).getByText(/\d+ unread/),
    ).toBeVisible();
    await advertiserPage.goto(advertiserOrder);
    await expect(thread(advertiserPage).getByText(`Hello from the desk ${stamp}`)).toBeVisible();
    await expect(advertiserPage.getByText(`Internal ${stamp}`)).toHaveCount(0);
    await thread(advertiserPage).getByLabel("Message", { exact: true }).fill(`Thanks, looks great ${stamp}`);
    await thread(advertiserPage).getByRole("button", { name: "Send" }).click();
    await expect(advertiserPage.getByText("Message sent.").first()).toBeVisible();

    await page.goto("/publisher/orders");
    await expect(
      page
        .getByRole("navigation", { name: "Main" })
        .first()
        .getByRole("link", { name: /Orders\s*\d+ unread messages?/ }),
    ).toBeVisible();
    await page.goto(staffOrder);
    await expect(thread(page).getByText(`Thanks, looks great ${stamp}`)).toBeVisible();
    await advertiserPage.close();
  });
});
