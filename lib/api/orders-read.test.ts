import { eq } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { deliveryDaily, lineItems, orders } from "@/db/schema";
import { inRollback } from "@/test/db";
import { addApiKey, callApi } from "@/test/fixtures/api";
import { makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import { addAdvertiser } from "@/test/fixtures/tenants";
import { listOrdersRoute, readOrderRoute } from "./order-routes";
import type { ApiOrder } from "./schemas";
import { itemName } from "./wire";

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ["order", "line_item", "country"].includes(name),
});

/** The JSON body as XML reads back: text values, lists as repeated elements, nulls absent. */
function asXmlReads(value: unknown, name = ""): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const item = itemName(name);
    return { [item]: value.map((v) => asXmlReads(v, item)) };
  }
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, asXmlReads(v, k)])
        .filter(([, v]) => v !== undefined),
    );
  }
  return String(value);
}

async function world(tx: Transaction) {
  const desk = await makeDesk(tx);
  const single = await makePendingOrder(tx, desk, [{}], "approved");
  const multi = await makePendingOrder(
    tx,
    desk,
    [
      { zoneId: desk.cpm.id, quantity: 2000, countries: ["US", "GB"], priority: "low" },
      { zoneId: desk.cpd.id, startDate: "2030-01-20", endDate: "2030-01-21", priority: "high" },
    ],
    "approved",
  );
  await tx.insert(deliveryDaily).values({
    lineItemId: multi.lineItems[0].id,
    day: "2030-01-10",
    source: "manual",
    impressions: 500,
    clicks: 7,
    uniques: 300,
  });
  // The line item's totals, as lib/delivery/add-delivery.ts keeps them beside the daily rows.
  await tx
    .update(lineItems)
    .set({ deliveredImpressions: 500, deliveredClicks: 7 })
    .where(eq(lineItems.id, multi.lineItems[0].id));
  const { key } = await addApiKey(tx, desk.publisher.id);
  return { desk, single, multi, key };
}

describe("GET /api/v1/orders/<id>.<format>", () => {
  it("shows seed 002's attributes, an order of several line items as one order, the same in JSON and XML", async () => {
    await inRollback(async (tx) => {
      const { desk, multi, key } = await world(tx);
      const id = multi.order.id;
      const json = await callApi(tx, readOrderRoute, {
        key,
        path: `/api/v1/orders/${id}.json`,
        params: { id: `${id}.json` },
      });
      expect(json.status).toBe(200);
      expect(json.headers.get("content-type")).toContain("application/json");
      const order = (await json.json()) as ApiOrder;
      expect(order).toMatchObject({
        id: String(id),
        name: "Spring sale",
        status: "pending",
        priority: "high",
        model: "cpm",
        total_volume: 2002,
        filled_volume: 500,
        realm: desk.publisher.slug,
        start_date: "2030-01-10T00:00:00",
        end_date: "2030-01-21T23:59:59",
        linked_zone: { id: String(desk.cpm.id), name: "Leaderboard" },
        linked_campaign: { id: String(desk.advertiser.id) },
        order_statistic: {
          hits: 500,
          clicks: 7,
          uniques: 300,
          days: 1,
          linked_order: { id: String(id), name: "Spring sale" },
        },
      });
      expect(order.line_items.map((li) => [li.model, li.total_volume, li.linked_zone.name])).toEqual([
        ["cpm", 2000, "Leaderboard"],
        ["cpd", 2, "Takeover"],
      ]);
      expect(order.gross_purchase_price).toBe(order.line_items.reduce((sum, li) => sum + li.amount, 0));

      const bare = await callApi(tx, readOrderRoute, {
        key,
        path: `/api/v1/orders/${id}`,
        params: { id: String(id) },
      });
      expect(await bare.json()).toEqual(order);

      const asXml = await callApi(tx, readOrderRoute, {
        key,
        path: `/api/v1/orders/${id}.xml`,
        params: { id: `${id}.xml` },
      });
      expect(asXml.headers.get("content-type")).toContain("application/xml");
      const text = await asXml.text();
      expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<order>/);
      expect(xml.parse(text).order[0]).toEqual(asXmlReads(order));
    });
  });

  it("answers 404 for another publisher's order and for ids that are not orders, 401 without a valid key", async () => {
    await inRollback(async (tx) => {
      const { single, key } = await world(tx);
      const other = await makeDesk(tx);
      const { key: otherKey } = await addApiKey(tx, other.publisher.id);
      const id = `${single.order.id}.json`;
      const foreign = await callApi(tx, readOrderRoute, {
        key: otherKey,
        path: `/api/v1/orders/${id}`,
        params: { id },
      });
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toMatchObject({ error: { code: "not_found" } });
      for (const bad of ["abc", "0", "99999999999", "1.csv"]) {
        const response = await callApi(tx, readOrderRoute, {
          key,
          path: `/api/v1/orders/${bad}`,
          params: { id: bad },
        });
        expect(response.status, bad).toBe(404);
      }
      const wrong = await callApi(tx, readOrderRoute, {
        key: `${key}x`,
        path: `/api/v1/orders/${id}`,
        params: { id },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get("www-authenticate")).toContain("Bearer");
      const none = await callApi(tx, readOrderRoute, {
        key: null,
        path: "/api/v1/orders/1.xml",
        params: { id: "1.xml" },
      });
      expect(none.status).toBe(401);
      expect(xml.parse(await none.text()).error.code).toBe("unauthenticated");
    });
  });
});

describe("GET /api/v1/orders/", () => {
  const list = (tx: Transaction, key: string, query = "") =>
    callApi(tx, listOrdersRoute, { key, path: `/api/v1/orders/${query}` });
  const ids = async (response: Response) => ((await response.json()) as ApiOrder[]).map((o) => Number(o.id));

  it("pages in a stable order with total, page, page size and a link to the next page", async () => {
    await inRollback(async (tx) => {
      const { single, multi, key } = await world(tx);
      const all = await list(tx, key);
      expect(all.headers.get("x-total-count")).toBe("2");
      expect(await ids(all)).toEqual([single.order.id, multi.order.id]);
      const first = await list(tx, key, "?pagesize=1");
      expect(await ids(first)).toEqual([single.order.id]);
      expect(first.headers.get("link")).toBe('</api/v1/orders/?pagesize=1&page=2>; rel="next"');
      const second = await list(tx, key, "?pagesize=1&page=2");
      expect(await ids(second)).toEqual([multi.order.id]);
      expect(second.headers.get("link")).toBeNull();
      expect(await ids(await list(tx, key, "?page=3"))).toEqual([]);
      const asXml = await callApi(tx, listOrdersRoute, {
        key,
        path: "/api/v1/orders/?pagesize=1",
        headers: { accept: "application/xml" },
      });
      const parsed = xml.parse(await asXml.text());
      expect(parsed.orders.order.map((o: { id: string }) => Number(o.id))).toEqual([single.order.id]);
    });
  });

  it("refuses page and pagesize out of bounds, and bad filters, naming the parameter", async () => {
    await inRollback(async (tx) => {
      const { key } = await world(tx);
      for (const [query, field] of [
        ["?page=0", "page"],
        ["?pagesize=1000", "pagesize"],
        ["?pagesize=0", "pagesize"],
        ["?page=abc", "page"],
        ["?status=running", "status"],
        ["?updated_since=yesterday", "updated_since"],
        ["?zoneid=-1", "zoneid"],
      ]) {
        const response = await list(tx, key, query);
        expect(response.status, query).toBe(400);
        const body = (await response.json()) as { error: { fields: Record<string, string[]> } };
        expect(Object.keys(body.error.fields), query).toEqual([field]);
      }
    });
  });

  it("filters by zone, advertiser (contactid, campaignid), status, updated_since and username", async () => {
    await inRollback(async (tx) => {
      const { desk, single, multi, key } = await world(tx);
      const other = await addAdvertiser(tx, desk.publisher.id);
      await tx
        .update(orders)
        .set({
          advertiserId: other.id,
          status: "live",
          lastActivityAt: new Date("2030-01-05T00:00:00Z"),
          createdBy: desk.sales.userId,
        })
        .where(eq(orders.id, single.order.id));
      expect(await ids(await list(tx, key, `?zoneid=${desk.cpd.id}`))).toEqual([multi.order.id]);
      expect(await ids(await list(tx, key, `?contactid=${other.id}`))).toEqual([single.order.id]);
      expect(await ids(await list(tx, key, `?campaignid=${desk.advertiser.id}`))).toEqual([multi.order.id]);
      expect(await ids(await list(tx, key, "?status=playing"))).toEqual([single.order.id]);
      expect(await ids(await list(tx, key, "?status=pending"))).toEqual([multi.order.id]);
      expect(await ids(await list(tx, key, "?status=stopped"))).toEqual([]);
      expect(await ids(await list(tx, key, "?updated_since=2030-01-01T00:00:00"))).toEqual([single.order.id]);
      const [sales] = await tx.query.users.findMany({ where: (u, { eq }) => eq(u.id, desk.sales.userId) });
      expect(
        await ids(await list(tx, key, `?username=${encodeURIComponent(sales.email.toUpperCase())}`)),
      ).toEqual([single.order.id]);
    });
  });

  it("never shows another publisher's orders", async () => {
    await inRollback(async (tx) => {
      await world(tx);
      const other = await makeDesk(tx);
      const { key } = await addApiKey(tx, other.publisher.id);
      const response = await list(tx, key);
      expect(response.headers.get("x-total-count")).toBe("0");
      expect(await response.json()).toEqual([]);
    });
  });
});
