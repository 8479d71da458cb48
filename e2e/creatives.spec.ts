import { expect, type Locator, type Page, test } from "@playwright/test";
import { pngBytes } from "../test/fixtures/images";
import { expectNoAxeViolations, signIn } from "./helpers";

const advertiser = "ads@acme-shoes.test";
const staff = "sales@northwind.test";

/** A real PNG made in the test, so the upload goes through byte sniffing like any other. */
const png = (name: string, rgb: [number, number, number] = [37, 99, 235]) => ({
  name,
  mimeType: "image/png",
  buffer: pngBytes(300, 250, rgb),
});

async function uploadImage(page: Page, name: string) {
  await page.goto("/advertiser/creatives");
  await expectNoAxeViolations(page);
  const form = page.getByRole("region", { name: "Upload a creative" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Kind", { exact: true }).selectOption("image");
  await form.getByLabel("File", { exact: true }).setInputFiles(png("banner.png"));
  await form.getByLabel("Click URL", { exact: true }).fill("https://www.acme-shoes.test/spring");
  await form.getByRole("button", { name: "Upload creative" }).click();
  await expect(page.getByText("Creative uploaded. It serves once the publisher approves it.")).toBeVisible();
}

/** The review queue is paged, oldest first: walk the pages until the creative shows up. */
async function findInQueue(page: Page, name: string): Promise<Locator> {
  const card = page.getByRole("article", { name });
  for (let i = 0; i < 20; i++) {
    if ((await card.count()) > 0) return card;
    const next = page.getByRole("navigation", { name: "Pagination" }).locator("a[rel=next]");
    if ((await next.count()) === 0) break;
    await next.click();
    await page.waitForLoadState();
  }
  return card;
}

test.describe("creatives", () => {
  test("an advertiser uploads an image creative and replaces it with a version that goes back to review", async ({
    page,
  }) => {
    const name = `E2E banner ${Date.now()}`;
    await signIn(page, advertiser);
    await uploadImage(page, name);

    const v1 = page.getByRole("article", { name: `${name}, version 1` });
    await expect(v1.getByText("Pending review")).toBeVisible();
    const preview = v1.getByRole("img", { name: `Preview of ${name}` });
    await preview.scrollIntoViewIfNeeded();
    await expect(preview).toBeVisible();
    // The image comes back through the access-checked file route, decodable and the right size.
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);

    await v1.getByRole("button", { name: "Replace", exact: true }).click();
    await v1.getByLabel("File", { exact: true }).setInputFiles(png("banner-v2.png", [220, 38, 38]));
    await v1.getByRole("button", { name: "Upload new version" }).click();
    await expect(page.getByText(/Version 2 uploaded and sent to review/)).toBeVisible();

    const v2 = page.getByRole("article", { name: `${name}, version 2` });
    await expect(v2.getByText("Pending review")).toBeVisible();
    await expect(v2.getByText("v2 replaces v1")).toBeVisible();
    // Only the newest version can be replaced.
    await expect(v1.getByRole("button", { name: "Replace", exact: true })).toHaveCount(0);
    await expect(v1.getByText("v2 is waiting for review")).toBeVisible();
  });

  test("a file that only claims to be a PNG and a javascript: click URL are refused", async ({ page }) => {
    await signIn(page, advertiser);
    await page.goto("/advertiser/creatives");
    await expectNoAxeViolations(page);
    const form = page.getByRole("region", { name: "Upload a creative" });
    await form.getByLabel("Name", { exact: true }).fill("Not an image");
    await form.getByLabel("File", { exact: true }).setInputFiles({
      name: "banner.png",
      mimeType: "image/png",
      buffer: Buffer.from("<script>alert(1)</script>"),
    });
    await form.getByLabel("Click URL", { exact: true }).fill("https://www.acme-shoes.test/");
    await form.getByRole("button", { name: "Upload creative" }).click();
    await expect(form.getByText("This file is not a PNG, JPEG, GIF or WebP image.")).toBeVisible();

    await form.getByLabel("Kind", { exact: true }).selectOption("text");
    await form.getByLabel("Name", { exact: true }).fill("Sneaky");
    await form.getByLabel("Headline", { exact: true }).fill("Free shoes");
    await form.getByLabel("Text", { exact: true }).fill("Click here");
    await form.getByLabel("Click URL", { exact: true }).fill("javascript:alert(document.cookie)");
    await form.getByRole("button", { name: "Upload creative" }).click();
    await expect(form.getByText("Use a web address starting with http:// or https://.")).toBeVisible();
    await expect(page.getByRole("article", { name: "Sneaky, version 1" })).toHaveCount(0);
  });

  test("staff reject a creative with a reason and the advertiser's email is in the mail view", async ({
    page,
    browser,
  }) => {
    const name = `E2E reject ${Date.now()}`;
    const reason = `The logo is cut off on the right (${Date.now()}).`;
    const advertiserPage = await (await browser.newContext()).newPage();
    await signIn(advertiserPage, advertiser);
    await uploadImage(advertiserPage, name);
    await advertiserPage.close();

    await signIn(page, staff);
    await page.goto("/publisher/creatives");
    await expectNoAxeViolations(page);
    const tabs = page.getByRole("navigation", { name: "Review status" });
    await expect(tabs.getByRole("link", { name: /Pending/ })).toHaveAttribute("aria-current", "page");
    const card = await findInQueue(page, `${name}, version 1`);
    await expect(card.getByText("Acme Shoes", { exact: true })).toBeVisible();
    await card.getByRole("button", { name: "Reject", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Reject “${name}”?` });
    await dialog.getByLabel("Reason", { exact: true }).fill(reason);
    await dialog.getByRole("button", { name: "Reject creative" }).click();
    await expect(page.getByText("Creative rejected. The advertiser was emailed the reason.")).toBeVisible();
    await expect(page.getByRole("article", { name: `${name}, version 1` })).toHaveCount(0);

    await tabs.getByRole("link", { name: /Rejected/ }).click();
    await expect(page).toHaveURL(/status=rejected/);
    await expectNoAxeViolations(page);
    const rejected = await findInQueue(page, `${name}, version 1`);
    await expect(rejected.getByText(reason)).toBeVisible();

    await page.goto("/publisher/mail");
    await expectNoAxeViolations(page);
    const mail = page.getByRole("article").filter({ hasText: reason });
    await expect(mail).toBeVisible();
    await expect(mail.getByRole("heading", { name: `Creative rejected: ${name}` })).toBeVisible();
    await expect(mail.getByText("To alice@acme-shoes.test")).toBeVisible();
  });
});
