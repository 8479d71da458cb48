import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const demoKey = "addesk_demo_northwind_0000000000000000000000000000";
const dayFromNow = (days: number) => new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);

test("an owner adds a webhook from the settings page, sees its secret once, and removes it", async ({
  page,
}) => {
  const url = `https://hooks.example.com/addesk-${Date.now()}`;
  await signIn(page, "owner@northwind.test");
  await page.goto("/publisher/settings");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveURL(/\/publisher\/settings\/webhooks$/);

  const address = page.getByLabel("Address (https)");
  await address.fill("http://hooks.example.com/plain");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText(/Use an https:\/\/ address/).first()).toBeVisible();
  await expect(address).toHaveValue("http://hooks.example.com/plain");

  await address.fill(url);
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByLabel("Signing secret")).toHaveValue(/^whsec_/);
  await expect(page.getByRole("row", { name: new RegExp(url) })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByLabel("Signing secret")).toHaveCount(0);
  await page.getByRole("button", { name: `Remove the webhook for ${url}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(url) })).toHaveCount(0);
});

test("the demo key reads zones with availability and advertisers, in JSON and XML", async ({ request }) => {
  const headers = { authorization: `Bearer ${demoKey}` };
  const zones = await request.get("/api/v1/zones/?pagesize=10", { headers });
  expect(zones.status()).toBe(200);
  expect(((await zones.json()) as { id: string }[]).map((z) => z.id)).toContain("1");

  const from = dayFromNow(14);
  const to = dayFromNow(20);
  const zone = await request.get(`/api/v1/zones/1.json?fromdate=${from}&todate=${to}&countries=US,CA`, {
    headers,
  });
  expect(zone.status()).toBe(200);
  const body = (await zone.json()) as { availability: { days: { date: string }[] } };
  expect(body.availability.days).toHaveLength(7);
  expect(body.availability.days[0].date).toBe(from);
  const xml = await request.get("/api/v1/zones/1.xml", { headers });
  expect(await xml.text()).toContain("<availability>");

  const advertisers = await request.get("/api/v1/advertisers/", { headers });
  expect(advertisers.status()).toBe(200);
  const advertiser = await request.get("/api/v1/advertisers/1.xml", { headers });
  expect(advertiser.headers()["content-type"]).toContain("application/xml");
  expect(await advertiser.text()).toContain("<id>1</id>");
  // Fjord's key sees none of Northwind's.
  const fjord = { authorization: "Bearer addesk_demo_fjord_00000000000000000000000000000000" };
  expect((await request.get("/api/v1/advertisers/1.json", { headers: fjord })).status()).toBe(404);
});
