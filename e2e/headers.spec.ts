import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

/** Collects what the browser reports when the Content-Security-Policy blocks something. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** React has taken over the server-rendered markup (it tags the DOM nodes it hydrated). */
const hydrated = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => Object.keys(node).some((key) => key.startsWith("__react")));

test.describe("security headers", () => {
  test("pages carry a policy with a fresh nonce per response, and still hydrate under it", async ({
    page,
  }) => {
    const violations = cspViolations(page);
    const response = await page.goto("/login");
    await expectNoAxeViolations(page);
    const headers = response!.headers();
    const policy = headers["content-security-policy"];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    const again = await page.request.get("/login");
    expect(again.headers()["content-security-policy"]).not.toBe(policy);

    await expect.poll(() => hydrated(page, "form")).toBe(true);
    await signIn(page, "sales@northwind.test");
    await page.goto("/publisher/orders");
    await expectNoAxeViolations(page);
    await expect.poll(() => hydrated(page, "main")).toBe(true);
    expect(violations).toEqual([]);
  });

  test("an HTML creative's preview loads nothing from elsewhere", async ({ page }) => {
    const beacons: string[] = [];
    await page.route("https://tracker.example/**", (route) => {
      beacons.push(route.request().url());
      return route.fulfill({ status: 204 });
    });
    const name = `E2E html ${Date.now()}`;
    await signIn(page, "ads@acme-shoes.test");
    await page.goto("/advertiser/creatives");
    await expectNoAxeViolations(page);
    const form = page.getByRole("region", { name: "Upload a creative" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Kind", { exact: true }).selectOption("html");
    await form
      .getByLabel("HTML", { exact: true })
      .fill(
        '<p>Spring sale</p><img src="https://tracker.example/pixel.gif" alt="">' +
          '<div style="background:url(https://tracker.example/bg.png);width:10px;height:10px"></div>' +
          '<link rel="stylesheet" href="https://tracker.example/ad.css">',
      );
    await form.getByLabel("Click URL", { exact: true }).fill("https://www.acme-shoes.test/spring");
    await form.getByRole("button", { name: "Upload creative" }).click();
    await expect(
      page.getByText("Creative uploaded. It serves once the publisher approves it."),
    ).toBeVisible();

    const preview = page.getByTitle(`Preview of ${name}`);
    await preview.scrollIntoViewIfNeeded();
    await expect(
      page.frameLocator(`iframe[title="Preview of ${name}"]`).getByText("Spring sale"),
    ).toBeVisible();
    // Give any request the preview could make time to leave.
    await page.waitForTimeout(500);
    expect(beacons).toEqual([]);
  });

  test("Auth.js answers with the public address, not the one the server is bound to", async ({
    request,
    baseURL,
  }) => {
    const signin = await request.get("/api/auth/signin", { maxRedirects: 0 });
    expect(signin.status()).toBe(302);
    const location = new URL(signin.headers().location, baseURL);
    expect(location.searchParams.get("callbackUrl")).toBe(baseURL);
    const signout = await (await request.get("/api/auth/signout")).text();
    expect(signout).toContain(`${baseURL}/api/auth/signout`);
    expect(signout).not.toContain("0.0.0.0");
  });
});
