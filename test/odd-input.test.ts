import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as advertiserDeliveryExport from "@/app/advertiser/orders/[id]/delivery/export/route";
import * as advertiserDeliveryPage from "@/app/advertiser/orders/[id]/delivery/page";
import * as advertiserOrderPage from "@/app/advertiser/orders/[id]/page";
import * as availabilityRoute from "@/app/api/availability/route";
import * as quoteRoute from "@/app/api/quote/route";
import * as publisherOrderPage from "@/app/publisher/orders/[id]/page";
import * as ordersExport from "@/app/publisher/orders/export/route";
import * as reportsExport from "@/app/publisher/reports/export/route";
import * as advertiserOrders from "@/lib/actions/advertiser-orders";
import * as auth from "@/lib/actions/auth";
import * as publisherCreatives from "@/lib/actions/creative-review";
import * as advertiserCreatives from "@/lib/actions/creatives";
import * as deliveryActions from "@/lib/actions/delivery";
import * as publisherOrders from "@/lib/actions/orders";
import * as quoteActions from "@/lib/actions/quotes";
import type { Actor } from "@/lib/core/actor";
import { makeCtx } from "@/lib/core/context";
import { actionSpecOf } from "@/lib/http/define-action";
import { routeSpecOf } from "@/lib/http/route";
import { runAction } from "@/lib/http/run-action";
import { runRoute } from "@/lib/http/run-route";
import { listAdvertiserOrders, listAdvertiserOrdersParams } from "@/lib/orders/list-advertiser-orders";
import { listOrders } from "@/lib/orders/list-orders";
import { listOrdersInputFromParams } from "@/lib/orders/list-orders-params";
import { pngClaiming } from "./input-fuzz/arbitraries";
import { changedTables, fingerprint } from "./input-fuzz/fingerprint";
import { type FuzzWorld, makeFuzzWorld } from "./input-fuzz/world";

// Pages read the session through next/headers; here they see the actor a test chose.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-actor")>()),
  currentActor: async () => session.actor,
  staffForPage: async () => session.actor,
  advertiserForPage: async () => session.actor,
}));

vi.mock("@/lib/auth", async (importOriginal) =>
  (await import("./input-fuzz/auth-without-request")).authWithoutRequest(importOriginal),
);

let world: FuzzWorld;
beforeAll(async () => {
  world = await makeFuzzWorld();
});

/** The status notFound() signals to Next.js, or the error itself when a page failed otherwise. */
async function pageStatus(render: () => Promise<unknown>): Promise<number> {
  try {
    await render();
    return 200;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]);
    throw error;
  }
}

const params = <P>(value: P) => ({ params: Promise.resolve(value) });

describe("an id outside 1 … 2,147,483,647 in a page's path is a 404", () => {
  it.each(["2147483648", "9999999999", "0x10", "1e3", "0", "-1", " 12", "abc"])("%j", async (id) => {
    session.actor = world.actors.staff;
    expect(await pageStatus(() => publisherOrderPage.default(params({ id })))).toBe(404);
    session.actor = world.actors.advertiser;
    expect(await pageStatus(() => advertiserOrderPage.default(params({ id })))).toBe(404);
    expect(
      await pageStatus(() =>
        advertiserDeliveryPage.default({ ...params({ id }), searchParams: Promise.resolve({}) }),
      ),
    ).toBe(404);
  });

  it("an unusable ?lineItem= shows the whole order's delivery instead of failing", async () => {
    session.actor = world.actors.advertiser;
    const id = String(world.approved.order.id);
    for (const lineItem of ["2147483648", "0x10"]) {
      expect(
        await pageStatus(() =>
          advertiserDeliveryPage.default({ ...params({ id }), searchParams: Promise.resolve({ lineItem }) }),
        ),
      ).toBe(200);
    }
  });
});

describe("list pages drop a filter they cannot use instead of failing", () => {
  it.each(["q=%00", "q=%23%00", "advertiserId=2147483648", "from=9999-12-31", "page=0x10"])(
    "/publisher/orders?%s",
    async (query) => {
      const ctx = makeCtx(world.actors.staff);
      const list = await listOrders(ctx, listOrdersInputFromParams(new URLSearchParams(query)));
      expect(list.rows.length).toBeGreaterThan(0);
    },
  );

  it.each(["q=%00", "zoneId=9999999999", "to=0001-01-01"])("/advertiser/orders?%s", async (query) => {
    const ctx = makeCtx(world.actors.advertiser);
    const list = await listAdvertiserOrders(ctx, listAdvertiserOrdersParams(new URLSearchParams(query)));
    expect(list.total).toBeGreaterThan(0);
  });
});

async function get(
  route: unknown,
  actor: Actor | null,
  url: string,
  routeParams: Record<string, string> = {},
) {
  const spec = routeSpecOf(route);
  if (!spec) throw new Error("not made with route()");
  const request = new Request(new URL(url, "http://localhost"));
  const response = await runRoute(spec, { actor, request, params: routeParams });
  return { status: response.status, body: await response.text() };
}

describe("a bad query value is a 4xx that names the field", () => {
  it.each([
    ["/api/availability?zoneId=9999999999&from=2030-01-01&to=2030-01-10", "zoneId"],
    ["/api/availability?zoneId={zone}&from=9999-12-31&to=9999-12-31", "from"],
    ["/api/quote?zoneId=2147483648&countries=US&startDate=2030-01-10&endDate=2030-01-11", "zoneId"],
    ["/api/quote?zoneId=0x10&countries=US&startDate=2030-01-10&endDate=2030-01-11", "zoneId"],
    [
      "/api/quote?zoneId={zone}&countries=US&startDate=2030-01-10&endDate=2030-01-11&quantity=1e3",
      "quantity",
    ],
  ])("%s", async (url, field) => {
    const route = url.startsWith("/api/quote") ? quoteRoute.GET : availabilityRoute.GET;
    const { status, body } = await get(
      route,
      world.actors.advertiser,
      url.replace("{zone}", String(world.desk.cpm.id)),
    );
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(JSON.parse(body).error).toContain(field);
  });

  it.each([
    ["?q=%00", "q"],
    ["?q=%23%00", "q"],
    ["?advertiserId=2147483648", "advertiserId"],
    ["?from=9999-12-31", "from"],
  ])("/publisher/orders/export%s", async (query, field) => {
    const { status, body } = await get(
      ordersExport.GET,
      world.actors.staff,
      `/publisher/orders/export${query}`,
    );
    expect(status).toBe(422);
    expect(body).toContain(field);
  });

  it("the delivery export: an impossible order id is a 404, an impossible line item names lineItem", async () => {
    const id = "2147483648";
    const missing = await get(advertiserDeliveryExport.GET, world.actors.advertiser, `/x`, { id });
    expect(missing.status).toBe(404);
    const order = String(world.approved.order.id);
    const bad = await get(advertiserDeliveryExport.GET, world.actors.advertiser, `/x?lineItem=2147483648`, {
      id: order,
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain("lineItem");
  });

  it("the delivery report export names a date out of range", async () => {
    const { status, body } = await get(
      reportsExport.GET,
      world.actors.staff,
      "/publisher/reports/export?from=9999-12-30&to=9999-12-31",
    );
    expect(status).toBe(422);
    expect(body).toContain("from");
  });
});

type Case = [name: string, action: unknown, as: "staff" | "advertiser", input: () => unknown, field: string];

const nul = "\u0000";
const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

const cases: Case[] = [
  [
    "order id past 32 bits",
    publisherOrders.orderAction,
    "staff",
    () => ({ orderId: "2147483648", action: "pause" }),
    "orderId",
  ],
  [
    "order id as a Date",
    advertiserOrders.cancelOrderAction,
    "advertiser",
    () => ({ orderId: new Date("2026-01-01T00:00:00Z") }),
    "orderId",
  ],
  ["order id true", advertiserOrders.cancelOrderAction, "advertiser", () => ({ orderId: true }), "orderId"],
  [
    "order id 0x10",
    publisherOrders.orderAction,
    "staff",
    () => ({ orderId: "0x10", action: "pause" }),
    "orderId",
  ],
  [
    "order id 1e3",
    publisherOrders.orderAction,
    "staff",
    () => form({ orderId: "1e3", action: "pause" }),
    "orderId",
  ],
  [
    "line item id past 32 bits",
    advertiserOrders.lineItemPauseAction,
    "advertiser",
    () => ({ orderId: world.approved.order.id, lineItemId: 2147483648, action: "pause" }),
    "lineItemId",
  ],
  [
    "bulk ids past 32 bits",
    publisherOrders.bulkOrderAction,
    "staff",
    () => form({ ids: "9999999999", action: "archive" }),
    "ids",
  ],
  [
    "creative id past 32 bits",
    publisherCreatives.approveCreativeAction,
    "staff",
    () => ({ creativeId: "2147483648" }),
    "creativeId",
  ],
  [
    "delivery line item past 32 bits",
    deliveryActions.recordDeliveryAction,
    "staff",
    () => ({ lineItemId: "2147483648", day: "2030-01-20", impressions: 1, clicks: 0 }),
    "lineItemId",
  ],
  [
    "NUL in a rejection reason",
    publisherOrders.rejectOrderAction,
    "staff",
    () => ({ orderId: world.pending.order.id, reason: `No${nul}` }),
    "reason",
  ],
  [
    "NUL in a creative rejection reason",
    publisherCreatives.rejectCreativeAction,
    "staff",
    () => ({ creativeId: world.creativeId, reason: `No${nul}` }),
    "reason",
  ],
  [
    "NUL in an order name",
    advertiserOrders.submitBookingAction,
    "advertiser",
    () => ({
      name: `Spring${nul}`,
      lineItems: [
        {
          zoneId: world.desk.cpm.id,
          countries: ["US"],
          startDate: "2030-01-12",
          endDate: "2030-01-12",
          quantity: 1000,
        },
      ],
    }),
    "name",
  ],
  [
    "NUL in a manual order name",
    publisherOrders.createManualOrderAction,
    "staff",
    () => ({
      advertiserId: world.desk.advertiser.id,
      name: `Spring${nul}`,
      propertyId: world.desk.property.id,
      lineItems: [
        {
          zoneId: world.desk.cpm.id,
          countries: ["US"],
          startDate: "2030-01-12",
          endDate: "2030-01-12",
          quantity: 1000,
        },
      ],
    }),
    "name",
  ],
  [
    "NUL in a quote plan",
    quoteActions.sendQuoteAction,
    "staff",
    () => ({
      orderId: world.pending.order.id,
      price: "10.00",
      plan: `A plan of services${nul}`,
      expiresOn: "2030-01-01",
    }),
    "plan",
  ],
  [
    "NUL in a declined quote's reason",
    advertiserOrders.declineQuoteAction,
    "advertiser",
    () => ({ orderId: world.quoted.order.id, reason: `No${nul}` }),
    "reason",
  ],
  [
    "NUL in a creative name",
    advertiserCreatives.uploadCreativeAction,
    "advertiser",
    () =>
      form({
        kind: "text",
        name: `Ad${nul}`,
        headline: "Hi",
        text: "There",
        clickUrl: "https://example.test/",
      }),
    "name",
  ],
  [
    "NUL in a text creative",
    advertiserCreatives.uploadCreativeAction,
    "advertiser",
    () =>
      form({
        kind: "text",
        name: "Ad",
        headline: `Hi${nul}`,
        text: "There",
        clickUrl: "https://example.test/",
      }),
    "headline",
  ],
  [
    "NUL in a delivery adjustment reason",
    deliveryActions.recordDeliveryAction,
    "staff",
    () => ({
      lineItemId: world.approved.lineItems[0].id,
      day: "2030-01-20",
      impressions: 1,
      clicks: 0,
      reason: `Fix${nul}`,
    }),
    "reason",
  ],
  [
    "a quote valid until 9999-12-31",
    quoteActions.sendQuoteAction,
    "staff",
    () => ({
      orderId: world.pending.order.id,
      price: "10.00",
      plan: "A plan of services.",
      expiresOn: "9999-12-31",
    }),
    "expiresOn",
  ],
  [
    "a duplicate starting in 9999",
    publisherOrders.duplicateOrderAction,
    "staff",
    () => ({ orderId: world.approved.order.id, startDate: "9999-12-30" }),
    "startDate",
  ],
  [
    "a PNG claiming to be 2³¹ pixels wide",
    advertiserCreatives.uploadCreativeAction,
    "advertiser",
    () =>
      form({
        kind: "image",
        name: "Huge",
        clickUrl: "https://example.test/",
        file: new File([pngClaiming(2 ** 31, 90)], "huge.png"),
      }),
    "file",
  ],
];

describe("a bad action input is refused naming the field, and writes nothing", () => {
  it.each(cases)("%s", async (_name, action, as, input, field) => {
    const spec = actionSpecOf(action);
    if (!spec) throw new Error("not a defined action");
    const before = await fingerprint();
    const result = await runAction(spec, input(), world.actors[as]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(Object.keys(result.fieldErrors)).toContain(field);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});

describe("after signing in, ?next= is followed only when it is a plain same-site path", () => {
  it.each([
    ["/publisher/orders?status=live", "/publisher/orders?status=live"],
    ["/publisher/orders\u0000x", "/publisher"],
    ["/publisher\r\nSet-Cookie: x=1", "/publisher"],
    ["/\\evil.example", "/publisher"],
    ["//evil.example", "/publisher"],
  ])("%j → %s", async (next, landing) => {
    const spec = actionSpecOf(auth.login);
    if (!spec) throw new Error("not a defined action");
    const { email, password } = world.examples.login as { email: string; password: string };
    const thrown = await runAction(spec, { email, password, next }, null, (error) => {
      throw error;
    }).catch((error: unknown) => error);
    expect(isRedirectError(thrown)).toBe(true);
    expect(getURLFromRedirectError(thrown as never)).toBe(landing);
  });
});
