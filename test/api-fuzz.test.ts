import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/db";
import { type ApiRouteSpec, apiRouteSpecOf } from "@/lib/api/api-route";
import { createOrderRoute, processOrdersRoute, updateOrderRoute } from "@/lib/api/order-routes";
import { createOrderBody, processBody, updateOrderBody } from "@/lib/api/schemas";
import { toXml, type WireValue } from "@/lib/api/wire";
import { ready } from "./db";
import { addApiKey, callApi } from "./fixtures/api";
import { makeDesk, makePendingOrder } from "./fixtures/orders";
import { inputFor, leafValue, mutationOf, queryText } from "./input-fuzz/arbitraries";
import { importModule, routeFiles, routeParams, routePath } from "./input-fuzz/discover";
import { changedTables, fingerprint } from "./input-fuzz/fingerprint";

/** Every call writes these on purpose: the key's last use, its rate counter and idempotency claims. */
const writtenOnEveryCall = new Set(["api_keys", "api_request_counts", "api_idempotency_keys"]);
const runsPerRoute = 25;
const noLimit = { requests: 1_000_000, windowSeconds: 60 };

const bodies = new Map<ApiRouteSpec, z.ZodType>([
  [createOrderRoute, createOrderBody],
  [updateOrderRoute, updateOrderBody],
  [processOrdersRoute, processBody],
]);

const queryKeys = [
  "page",
  "pagesize",
  "status",
  "zoneid",
  "contactid",
  "campaignid",
  "username",
  "updated_since",
  "fromdate",
  "todate",
  "action",
  "orderid",
  "countries",
];

let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  await ready();
  const desk = await makeDesk(db);
  const order = await db.transaction((tx) => makePendingOrder(tx, desk, [{}], "approved"));
  const other = await makeDesk(db);
  const foreign = await db.transaction((tx) => makePendingOrder(tx, other, [{}], "approved"));
  const keys = {
    readWrite: (await addApiKey(db, desk.publisher.id)).key,
    readOnly: (await addApiKey(db, desk.publisher.id, ["read"])).key,
  };
  const ids = [order.order.id, foreign.order.id, desk.cpm.id, desk.cpd.id, desk.advertiser.id, other.cpm.id];
  const plausible = [
    ...ids,
    ...ids.map(String),
    `${order.order.id}.json`,
    `${order.order.id}.xml`,
    `${foreign.order.id}.xml`,
    `${desk.cpm.id}.xml`,
    `${other.cpm.id}.json`,
    `${desk.advertiser.id}.xml`,
    "US,GB",
    "FR",
    ids.join(","),
    "2030-01-10",
    "2030-01-12T00:00:00",
    "US",
    "GB",
    ["US", "GB"],
    "cpm",
    "cpd",
    "high",
    "play",
    "pause",
    "stop",
    "refund",
    "archive",
    "playing",
    "refunded",
    "1",
    "100",
    "0",
    "-1",
    "101",
    1000,
  ];
  const example = {
    linked_zone: { id: String(desk.cpm.id) },
    linked_campaign: { id: String(desk.advertiser.id) },
    countries: ["US"],
    start_date: "2030-01-12",
    end_date: "2030-01-12",
    total_volume: 10,
  };
  return { keys, plausible, example, orderId: order.order.id };
}

beforeAll(async () => {
  world = await makeWorld();
});

/** A body as a client might send it: shaped JSON, tampered JSON, XML of either, or noise. */
function bodyFor(schema: z.ZodType | undefined) {
  const leaf = () => leafValue(world.plausible);
  const shaped = schema
    ? fc.oneof(inputFor(schema, leaf), mutationOf(world.example, leaf))
    : fc.constant<unknown>(undefined);
  const asXml = (value: unknown) => {
    try {
      return toXml("order", value as WireValue);
    } catch {
      return "<order>";
    }
  };
  return fc.oneof(
    {
      weight: 4,
      arbitrary: shaped.map((value) => ({ text: JSON.stringify(value) ?? "", type: "application/json" })),
    },
    { weight: 3, arbitrary: shaped.map((value) => ({ text: asXml(value), type: "application/xml" })) },
    {
      weight: 1,
      arbitrary: fc
        .anything()
        .map((value) => ({ text: JSON.stringify(value) ?? "", type: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        text: fc.oneof(
          fc.string(),
          fc.constant('<!DOCTYPE x [<!ENTITY a "b">]><order>&a;</order>'),
          fc.constant("<a><b></a>"),
        ),
        type: fc.constantFrom(
          "application/json",
          "application/xml",
          "application/x-www-form-urlencoded",
          "text/plain",
          "",
        ),
      }),
    },
  );
}

const apiModules = await Promise.all(
  routeFiles().map(async (file) => ({ file, module: await importModule(file) })),
).then((modules) => modules.filter(({ module }) => Object.values(module).some((h) => apiRouteSpecOf(h))));

describe("every REST API endpoint, fuzzed", () => {
  it("finds the API routes", () => {
    expect(apiModules.map(({ file }) => file)).toEqual([
      "app/api/v1/advertisers/[id]/route.ts",
      "app/api/v1/advertisers/route.ts",
      "app/api/v1/orders/[id]/route.ts",
      "app/api/v1/orders/process/route.ts",
      "app/api/v1/orders/route.ts",
      "app/api/v1/orders/statistics/[id]/route.ts",
      "app/api/v1/zones/[id]/route.ts",
      "app/api/v1/zones/route.ts",
    ]);
  });

  for (const { file, module } of apiModules) {
    for (const method of ["GET", "POST", "PUT"] as const) {
      const spec = apiRouteSpecOf(module[method]);
      if (!spec) continue;
      it(`${method} ${file}: never a 5xx, nothing written when refused`, async () => {
        const text = fc.oneof(leafValue(world.plausible), fc.string()).map(queryText);
        const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys), fc.string()), text), {
          maxLength: 5,
        });
        const params = fc.record(
          Object.fromEntries(
            routeParams(file).map((name) => [
              name,
              text.filter((v): v is string => v?.isWellFormed() === true),
            ]),
          ),
        );
        const key = fc.constantFrom(
          world.keys.readWrite,
          world.keys.readWrite,
          world.keys.readOnly,
          "wrong",
          null,
        );
        const idempotency = fc.option(fc.string({ maxLength: 20 }), { nil: undefined });
        let before = await fingerprint();
        await fc.assert(
          fc.asyncProperty(
            query,
            params,
            key,
            bodyFor(bodies.get(spec)),
            idempotency,
            async (pairs, values, who, body, idem) => {
              const url = new URL(routePath(file, values as Record<string, string>), "http://localhost");
              for (const [k, v] of pairs) if (v !== undefined) url.searchParams.append(k, v);
              const response = await callApi(db, spec, {
                key: who,
                method,
                path: url.pathname + url.search,
                params: values as Record<string, string>,
                ...(method === "GET" ? {} : { body: body.text, contentType: body.type }),
                headers: idem === undefined ? {} : { "idempotency-key": idem },
                now: new Date(),
                rateLimit: noLimit,
              });
              const answer = await response.text();
              const after = await fingerprint();
              try {
                expect(
                  response.status,
                  `${method} ${url.pathname}${url.search} ${body.text.slice(0, 200)}`,
                ).toBeLessThan(500);
                if (response.status >= 400) {
                  const written = changedTables(before, after).filter((t) => !writtenOnEveryCall.has(t));
                  expect(written, `written by a refused request: ${answer.slice(0, 200)}`).toEqual([]);
                }
              } finally {
                before = after;
              }
            },
          ),
          { numRuns: runsPerRoute },
        );
      });
    }
  }
});
