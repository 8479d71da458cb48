import { count, eq } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { deliveryDaily, ledgerEntries, lineItems, orders, reservations } from "@/db/schema";
import { inRollback } from "@/test/db";
import { addApiKey, callApi } from "@/test/fixtures/api";
import { makeDesk, makePendingOrder } from "@/test/fixtures/orders";
import {
  createOrderRoute,
  listOrdersRoute,
  orderStatisticsRoute,
  processOrdersRoute,
  readOrderRoute,
  updateOrderRoute,
} from "./order-routes";
import type { ApiOrder } from "./schemas";

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ["result", "order_statistic", "line_item"].includes(name),
});

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string[]> } };

async function world(tx: Transaction) {
  const desk = await makeDesk(tx);
  const { key } = await addApiKey(tx, desk.publisher.id);
  const newOrder = {
    name: "API leaderboard",
    linked_zone: { id: String(desk.cpm.id) },
    linked_campaign: { id: String(desk.advertiser.id) },
    countries: ["US"],
    start_date: "2030-01-10T00:00:00",
    end_date: "2030-01-11",
    total_volume: 1000,
  };
  return { desk, key, newOrder };
}

const orderCount = async (tx: Transaction) => (await tx.select({ n: count() }).from(orders))[0].n;

describe("POST /api/v1/orders/", () => {
  it("creates an approved order with its inventory reserved: 201, the order and a relative Location", async () => {
    await inRollback(async (tx) => {
      const { desk, key, newOrder } = await world(tx);
      const response = await callApi(tx, createOrderRoute, {
        key,
        path: "/api/v1/orders/",
        body: { ...newOrder, daily_volume: 600 },
      });
      expect(response.status).toBe(201);
      const order = (await response.json()) as ApiOrder;
      expect(response.headers.get("location")).toBe(`/api/v1/orders/${order.id}.json`);
      expect(order).toMatchObject({
        name: "API leaderboard",
        status: "pending",
        model: "cpm",
        total_volume: 1000,
        daily_volume: 600,
      });
      const [row] = await tx
        .select()
        .from(orders)
        .where(eq(orders.id, Number(order.id)));
      expect(row).toMatchObject({ status: "approved", source: "api", publisherId: desk.publisher.id });
      const [item] = await tx.select().from(lineItems).where(eq(lineItems.orderId, row.id));
      const reserved = await tx.select().from(reservations).where(eq(reservations.lineItemId, item.id));
      expect(reserved.reduce((sum, r) => sum + r.units, 0)).toBe(1000);
    });
  });

  it("reads an XML order and answers in XML", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const body = `<?xml version="1.0" encoding="UTF-8"?>
<order><linked_zone><id>${desk.cpd.id}</id></linked_zone><linked_campaign><id>${desk.advertiser.id}</id></linked_campaign>
<start_date>2030-01-15T00:00:00</start_date><end_date>2030-01-16T23:59:59</end_date><countries>US,GB</countries><priority>high</priority></order>`;
      const response = await callApi(tx, createOrderRoute, {
        key,
        path: "/api/v1/orders/",
        body,
        contentType: "application/xml",
      });
      expect(response.status).toBe(201);
      expect(response.headers.get("location")).toMatch(/^\/api\/v1\/orders\/\d+\.xml$/);
      const order = xml.parse(await response.text()).order;
      expect(order).toMatchObject({
        model: "cpd",
        priority: "high",
        total_volume: "2",
        name: "Takeover (2030-01-15)",
      });
    });
  });

  it("fails clearly when inventory falls short, and writes nothing", async () => {
    await inRollback(async (tx) => {
      const { key, newOrder } = await world(tx);
      const before = await orderCount(tx);
      const response = await callApi(tx, createOrderRoute, {
        key,
        path: "/api/v1/orders/",
        body: { ...newOrder, total_volume: 5000 },
      });
      expect(response.status).toBe(409);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("insufficient_inventory");
      expect(body.error.fields.inventory[0]).toMatch(/^2030-01-10 US: requested 2500, available 1000$/);
      expect(await orderCount(tx)).toBe(before);
    });
  });

  it("refuses bad bodies with 400 or 422 naming the field, in the requested format", async () => {
    await inRollback(async (tx) => {
      const { desk, key, newOrder } = await world(tx);
      const other = await makeDesk(tx);
      const cases: [string | object, number, string, string?][] = [
        ["{not json", 400, "body"],
        [{ ...newOrder, colour: "red" }, 400, "colour"],
        [{ ...newOrder, status: "playing" }, 400, "status"],
        [{ ...newOrder, gross_purchase_price: 1 }, 400, "gross_purchase_price"],
        [{ ...newOrder, total_volume: "lots" }, 400, "total_volume"],
        [{ ...newOrder, start_date: "10/01/2030" }, 400, "start_date"],
        [{ ...newOrder, end_date: "2030-01-01" }, 400, "end_date"],
        [{ ...newOrder, linked_zone: undefined }, 400, "linked_zone"],
        [{ ...newOrder, linked_zone: { id: String(other.cpm.id) } }, 422, "linked_zone.id"],
        [{ ...newOrder, linked_campaign: { id: String(other.advertiser.id) } }, 422, "linked_campaign.id"],
        [{ ...newOrder, model: "cpc" }, 422, "model"],
        [{ ...newOrder, countries: ["FR"] }, 422, "countries"],
        [{ ...newOrder, start_date: "2029-11-01" }, 422, "start_date"],
        ['<order><!DOCTYPE x [<!ENTITY a "b">]><name>&a;</name></order>', 400, "body", "application/xml"],
        ["<order><name>x</order>", 400, "body", "application/xml"],
      ];
      const before = await orderCount(tx);
      for (const [body, status, field, contentType] of cases) {
        const response = await callApi(tx, createOrderRoute, {
          key,
          path: "/api/v1/orders/",
          body,
          contentType,
        });
        const label = JSON.stringify(body);
        expect(response.status, label).toBe(status);
        if (contentType) {
          const error = xml.parse(await response.text()).error;
          expect(error.fields.field.name, label).toBe(field);
        } else {
          expect(Object.keys(((await response.json()) as ErrorBody).error.fields), label).toContain(field);
        }
      }
      expect(await orderCount(tx)).toBe(before);
      expect(desk).toBeDefined();
    });
  });

  it("needs the write scope", async () => {
    await inRollback(async (tx) => {
      const { desk, newOrder } = await world(tx);
      const { key } = await addApiKey(tx, desk.publisher.id, ["read"]);
      const response = await callApi(tx, createOrderRoute, { key, path: "/api/v1/orders/", body: newOrder });
      expect(response.status).toBe(403);
      expect((await callApi(tx, listOrdersRoute, { key, path: "/api/v1/orders/" })).status).toBe(200);
    });
  });
});

describe("PUT /api/v1/orders/<id>.<format>", () => {
  const put = (tx: Transaction, key: string, id: number, body: string | object, format = "json") =>
    callApi(tx, updateOrderRoute, {
      key,
      method: "PUT",
      path: `/api/v1/orders/${id}.${format}`,
      params: { id: `${id}.${format}` },
      body,
      contentType: format === "xml" ? "application/xml" : undefined,
    });

  it("changes priority and daily_volume; what was read may be sent back unchanged", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const { order } = await makePendingOrder(tx, desk, [{}], "approved");
      const read = (await (
        await callApi(tx, readOrderRoute, {
          key,
          path: `/api/v1/orders/${order.id}`,
          params: { id: String(order.id) },
        })
      ).json()) as ApiOrder;
      const response = await put(tx, key, order.id, { ...read, priority: "exclusive", daily_volume: 400 });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ priority: "exclusive", daily_volume: 400 });
      const asXml = await put(tx, key, order.id, "<order><priority>low</priority></order>", "xml");
      expect(asXml.status).toBe(200);
      expect(xml.parse(await asXml.text()).order.priority).toBe("low");
    });
  });

  it("refuses read-only and fixed attributes that changed, unknown ones, and finished orders", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const { order } = await makePendingOrder(tx, desk, [{}], "approved");
      for (const [body, field] of [
        [{ status: "playing" }, "status"],
        [{ total_volume: 5 }, "total_volume"],
        [{ name: "Renamed" }, "name"],
        [{ priority: "urgent" }, "priority"],
      ] as const) {
        const response = await put(tx, key, order.id, body);
        expect(response.status, field).toBe(400);
        expect(Object.keys(((await response.json()) as ErrorBody).error.fields)).toEqual([field]);
      }
      await tx.update(orders).set({ status: "completed" }).where(eq(orders.id, order.id));
      expect((await put(tx, key, order.id, { priority: "low" })).status).toBe(409);
      const other = await makeDesk(tx);
      const { key: otherKey } = await addApiKey(tx, other.publisher.id);
      expect((await put(tx, otherKey, order.id, { priority: "low" })).status).toBe(404);
    });
  });
});

describe("POST /api/v1/orders/process/", () => {
  const processing = async (tx: Transaction, key: string, action: string, orderid: string) => {
    const response = await callApi(tx, processOrdersRoute, {
      key,
      path: "/api/v1/orders/process/",
      body: { action, orderid },
      // Within the flight, so a resumed order is live again.
      now: new Date("2030-01-10T12:00:00Z"),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it("plays, pauses, plays again, stops, refunds and archives through the order machine", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const { order } = await makePendingOrder(tx, desk, [{}], "approved");
      await tx.insert(ledgerEntries).values({
        publisherId: desk.publisher.id,
        orderId: order.id,
        kind: "payment",
        amount: order.total,
        currency: "USD",
      });
      const id = String(order.id);
      const steps = [
        ["play", "playing"],
        ["pause", "paused"],
        ["play", "playing"],
        ["stop", "stopped"],
        ["refund", "refunded"],
        ["archive", "archived"],
      ];
      for (const [action, status] of steps) {
        const result = await processing(tx, key, action, id);
        expect(result, action).toEqual({ status: 200, body: [{ orderid: id, success: true, status }] });
        if (status !== "archived") {
          const listed = await callApi(tx, listOrdersRoute, {
            key,
            path: `/api/v1/orders/?status=${status}`,
          });
          expect(
            ((await listed.json()) as ApiOrder[]).map((o) => o.id),
            status,
          ).toEqual([id]);
        }
      }
    });
  });

  it("reports each order on its own: refusals and unknown ids do not hide the others", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const live = await makePendingOrder(tx, desk, [{}], "approved");
      const pending = await makePendingOrder(
        tx,
        desk,
        [{ startDate: "2030-01-12", endDate: "2030-01-12" }],
        "pending_review",
      );
      const other = await makeDesk(tx);
      const foreign = await makePendingOrder(tx, other, [{}], "approved");
      const result = await processing(
        tx,
        key,
        "play",
        `${live.order.id}, ${pending.order.id},${foreign.order.id}`,
      );
      expect(result.status).toBe(200);
      const body = result.body as { orderid: string; success: boolean; error?: string }[];
      expect(body.map((r) => [r.orderid, r.success])).toEqual([
        [String(live.order.id), true],
        [String(pending.order.id), false],
        [String(foreign.order.id), false],
      ]);
      expect(body[2].error).toMatch(/not found/);
      const [foreignRow] = await tx.select().from(orders).where(eq(orders.id, foreign.order.id));
      expect(foreignRow.status).toBe("approved");
    });
  });

  it("refuses an unknown action or an empty orderid with 400 naming it, in XML too", async () => {
    await inRollback(async (tx) => {
      const { key } = await world(tx);
      expect(await processing(tx, key, "explode", "1")).toMatchObject({
        status: 400,
        body: { error: { fields: { action: expect.any(Array) } } },
      });
      expect(await processing(tx, key, "play", "")).toMatchObject({
        status: 400,
        body: { error: { fields: { orderid: expect.any(Array) } } },
      });
      const response = await callApi(tx, processOrdersRoute, {
        key,
        path: "/api/v1/orders/process/",
        body: "<process><action>play</action><orderid>x</orderid></process>",
        contentType: "application/xml",
      });
      expect(response.status).toBe(400);
      expect(xml.parse(await response.text()).error.fields.field.name).toBe("orderid");
    });
  });
});

describe("GET /api/v1/orders/statistics/<id>.<format>", () => {
  it("lists daily stats between fromdate and todate, paged; the latest without dates", async () => {
    await inRollback(async (tx) => {
      const { desk, key } = await world(tx);
      const { order, lineItems: items } = await makePendingOrder(tx, desk, [{}], "approved");
      await tx.insert(deliveryDaily).values(
        ["2030-01-10", "2030-01-11", "2030-01-12"].map((day, i) => ({
          lineItemId: items[0].id,
          day,
          source: "manual" as const,
          impressions: 100 * (i + 1),
          clicks: i,
        })),
      );
      const stats = (query: string, format = "json") =>
        callApi(tx, orderStatisticsRoute, {
          key,
          path: `/api/v1/orders/statistics/${order.id}.${format}${query}`,
          params: { id: `${order.id}.${format}` },
        });
      const ranged = await stats("?fromdate=2030-01-11&todate=2030-01-12&pagesize=1");
      expect(ranged.headers.get("x-total-count")).toBe("2");
      expect(await ranged.json()).toEqual([
        expect.objectContaining({
          hits: 200,
          clicks: 1,
          days: 1,
          date: "2030-01-11T00:00:00",
          linked_order: { id: String(order.id), name: "Spring sale" },
        }),
      ]);
      const page2 = xml.parse(
        await (await stats("?fromdate=2030-01-11&todate=2030-01-12&pagesize=1&page=2", "xml")).text(),
      );
      expect(page2.order_statistics.order_statistic.map((s: { hits: string }) => s.hits)).toEqual(["300"]);
      const latest = (await (await stats("")).json()) as { days: number }[];
      expect(latest).toHaveLength(1);
      expect(latest[0].days).toBe(3);
      expect((await stats("?fromdate=2030-02-01&todate=2030-01-01")).status).toBe(400);
      expect((await stats("?fromdate=soon")).status).toBe(400);
    });
  });
});
