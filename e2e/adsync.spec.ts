import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

/** The publisher's ad server, as a local receiver: acknowledges with an id, or fails on demand. */
let server: Server;
let url = "";
let failing = false;
const received: { body: string; signature: string }[] = [];

test.beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ body, signature: String(request.headers["x-addesk-signature"] ?? "") });
      if (failing) return response.writeHead(503).end("maintenance");
      const event = JSON.parse(body) as { lineItem?: { id: string } };
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ remoteId: `e2e-${event.lineItem?.id ?? "ping"}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/addesk`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A pending self-serve order, one with a single line item if there is one (others are left for orders.spec). */
async function openPendingOrder(page: Page) {
  await page.goto("/publisher/orders?status=pending_review");
  const links = await page
    .locator('a[href^="/publisher/orders/"]')
    .evaluateAll((as) =>
      as
        .map((a) => a.getAttribute("href"))
        .filter((h): h is string => !!h && /\/publisher\/orders\/\d+$/.test(h)),
    );
  const hrefs = [...new Set(links)];
  for (const href of hrefs) {
    await page.goto(href);
    if ((await page.getByRole("table").first().locator("tbody tr").count()) === 1) return;
  }
  await page.goto(hrefs[0]);
}

/** The jobs runner passes every 15 s: reload until the line items show `text`. */
async function reloadUntil(page: Page, text: RegExp) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 50_000 });
}

test("an owner connects an ad server, an approved order syncs with its id, a failure shows and Retry works", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "owner@northwind.test");
  await page.goto("/publisher/settings");
  await page.getByRole("link", { name: "Ad server" }).click();
  await expect(page).toHaveURL(/\/publisher\/settings\/ad-server$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Endpoint address (https)").fill(url);
  await page.getByRole("button", { name: "Connect ad server" }).click();
  const secretField = page.getByRole("textbox", { name: "Signing secret" });
  await expect(secretField).toHaveValue(/^whsec_/);
  const secret = await secretField.inputValue();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Your ad server answered 200/)).toBeVisible();

  await openPendingOrder(page);
  await page.getByRole("button", { name: "Approve order" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve this order?" });
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Order approved. Inventory is reserved.")).toBeVisible();
  await reloadUntil(page, /Ad server id e2e-\d+/);
  await expect(page.getByText("Synced", { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // What arrived is signed with the secret shown once.
  const call = received.find((r) => r.body.includes('"line_item.changed"'))!;
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(call.signature)!;
  expect(createHmac("sha256", secret).update(`${t}.${call.body}`).digest("hex")).toBe(v1);

  // The ad server goes down; pausing the line item fails to sync, and the desk says so.
  failing = true;
  await page
    .getByRole("table")
    .first()
    .getByRole("button", { name: /^Actions for line item/ })
    .first()
    .click();
  await page.getByRole("menuitem", { name: /^Pause/ }).click();
  const pause = page.getByRole("dialog", { name: /^Pause line item/ });
  await pause.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByText(/Line item paused/)).toBeVisible();
  await reloadUntil(page, /Sync failed/);
  await expect(page.getByText("The receiver answered 503.").first()).toBeVisible();
  await expect(page.getByText(/Next retry/).first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: /failed to sync/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const orderUrl = page.url();
  await page.goto("/publisher/orders?sync=failed");
  await expect(page.getByRole("table").getByText("Sync failed").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Back up: Retry sends it at once (the next runner pass), and it is synced again.
  failing = false;
  await page.goto(orderUrl);
  await page
    .getByRole("button", { name: /^Retry the ad server sync of line item/ })
    .first()
    .click();
  await expect(page.getByText(/will be sent to your ad server again now/)).toBeVisible();
  await reloadUntil(page, /Synced/);
  await expect(page.getByText(/Sync failed/)).toHaveCount(0);

  // Leave the demo desk as it was for the other specs: the connection turned off.
  await page.goto("/publisher/settings/ad-server");
  await page.getByLabel("Send line item changes to this ad server").uncheck();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText(/Ad server connection saved \(turned off\)/)).toBeVisible();
});
