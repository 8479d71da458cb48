import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const demoKey = "addesk_demo_northwind_0000000000000000000000000000";
const dayFromNow = (days: number) => new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);

test("an owner creates an API key, sees it once, uses it and revokes it", async ({ page, request }) => {
  const name = `Warehouse sync ${Date.now()}`;
  await signIn(page, "owner@northwind.test");
  await page.goto("/publisher/settings");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(/\/publisher\/settings\/api-keys$/);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Access").selectOption("read");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByLabel("New API key");
  await expect(shown).toHaveValue(/^addesk_/);
  const key = await shown.inputValue();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("read");

  const headers = { authorization: `Bearer ${key}` };
  const listed = await request.get("/api/v1/orders/?pagesize=2", { headers });
  expect(listed.status()).toBe(200);
  expect(await listed.json()).toHaveLength(2);
  expect(Number(listed.headers()["x-total-count"])).toBeGreaterThan(2);
  // A read-only key cannot create.
  expect((await request.post("/api/v1/orders/", { headers, data: {} })).status()).toBe(403);

  await page.reload();
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  expect((await request.get("/api/v1/orders/", { headers })).status()).toBe(401);
});

test("the demo key lists, reads as XML, creates once per Idempotency-Key, and the docs are served", async ({
  request,
}) => {
  const headers = { authorization: `Bearer ${demoKey}` };
  const [first] = (await (
    await request.get("/api/v1/orders/?status=playing&pagesize=1", { headers })
  ).json()) as {
    id: string;
  }[];
  const xml = await request.get(`/api/v1/orders/${first.id}.xml`, { headers });
  expect(xml.headers()["content-type"]).toContain("application/xml");
  expect(await xml.text()).toContain(`<id>${first.id}</id>`);

  const body = {
    linked_zone: { id: "1" },
    linked_campaign: { id: "1" },
    countries: ["US"],
    start_date: dayFromNow(21),
    end_date: dayFromNow(22),
    total_volume: 1000,
  };
  const idempotency = { ...headers, "idempotency-key": `e2e-${Date.now()}` };
  const created = await request.post("/api/v1/orders/", { headers: idempotency, data: body });
  expect(created.status()).toBe(201);
  const again = await request.post("/api/v1/orders/", { headers: idempotency, data: body });
  expect(again.headers().location).toBe(created.headers().location);
  const order = (await created.json()) as { id: string; status: string };
  expect(order.status).toBe("pending");
  const processed = await request.post("/api/v1/orders/process/", {
    headers,
    form: { action: "pause", orderid: order.id },
  });
  expect(await processed.json()).toEqual([{ orderid: order.id, success: true, status: "paused" }]);

  const spec = await request.get("/api/v1/openapi.json");
  expect((await spec.json()).openapi).toBe("3.1.0");
  const docs = await request.get("/api/docs");
  expect(await docs.text()).toContain("/api/v1/orders/");
});
