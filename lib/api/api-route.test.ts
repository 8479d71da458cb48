import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db";
import { orders } from "@/db/schema";
import { inRollback } from "@/test/db";
import { addApiKey, callApi } from "@/test/fixtures/api";
import { makeDesk, testNow } from "@/test/fixtures/orders";
import { createOrderRoute, listOrdersRoute } from "./order-routes";

const orderCount = async (tx: Transaction) => (await tx.select({ n: count() }).from(orders))[0].n;

describe("rate limit per API key", () => {
  it("answers 429 with Retry-After past the limit, per key, and lets the next window through", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { key } = await addApiKey(tx, desk.publisher.id);
      const { key: otherKey } = await addApiKey(tx, desk.publisher.id);
      const rateLimit = { requests: 2, windowSeconds: 60 };
      const get = (k: string, now = testNow) =>
        callApi(tx, listOrdersRoute, { key: k, path: "/api/v1/orders/", rateLimit, now });
      expect((await get(key)).status).toBe(200);
      expect((await get(key)).status).toBe(200);
      const refused = await get(key, new Date(testNow.getTime() + 15_000));
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("45");
      expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
      expect((await get(otherKey)).status).toBe(200);
      expect((await get(key, new Date(testNow.getTime() + 61_000))).status).toBe(200);
    });
  });
});

describe("Idempotency-Key on POST", () => {
  it("answers a retry with the first response, and a reused key with another body with 409", async () => {
    await inRollback(async (tx) => {
      const desk = await makeDesk(tx);
      const { key } = await addApiKey(tx, desk.publisher.id);
      const body = {
        linked_zone: { id: desk.cpm.id },
        linked_campaign: { id: desk.advertiser.id },
        countries: "US",
        start_date: "2030-01-10",
        end_date: "2030-01-10",
        total_volume: 100,
      };
      const post = (sent: object, idempotencyKey = "order-1") =>
        callApi(tx, createOrderRoute, {
          key,
          path: "/api/v1/orders/",
          body: sent,
          headers: { "idempotency-key": idempotencyKey },
        });
      const before = await orderCount(tx);
      const first = await post(body);
      expect(first.status).toBe(201);
      const again = await post(body);
      expect(again.status).toBe(201);
      expect(again.headers.get("location")).toBe(first.headers.get("location"));
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await again.text()).toBe(await first.text());
      expect(await orderCount(tx)).toBe(before + 1);

      const changed = await post({ ...body, total_volume: 200 });
      expect(changed.status).toBe(409);
      expect(await changed.json()).toMatchObject({
        error: { fields: { "Idempotency-Key": expect.any(Array) } },
      });

      // A refusal is an answer too: the retry gets the same refusal, not a second attempt.
      const short = { ...body, total_volume: 1_000_000 };
      const refused = await post(short, "order-2");
      expect(refused.status).toBe(409);
      expect((await post(short, "order-2")).status).toBe(409);
      expect(await orderCount(tx)).toBe(before + 1);
      expect((await post(body, "x".repeat(201))).status).toBe(400);
    });
  });
});
