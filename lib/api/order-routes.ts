import { apiOrderStatistics } from "./api-order-statistics";
import type { ApiAnswer, ApiRouteSpec } from "./api-route";
import { parseRequest, queryOf } from "./api-route";
import { createApiOrder } from "./create-api-order";
import { getApiOrder } from "./get-api-order";
import { listApiOrders } from "./list-api-orders";
import { processApiOrders } from "./process-api-orders";
import { listOrdersQuery, statisticsQuery } from "./schemas";
import { updateApiOrder } from "./update-api-order";
import { splitIdAndFormat, type WireValue } from "./wire";

export const ordersPath = "/api/v1/orders/";

/** A page of a list: total, page and page size in headers and as XML attributes, with the next page's link. */
export function paged(
  root: string,
  request: Request,
  path: string,
  { total, page, pagesize, items }: { total: number; page: number; pagesize: number; items: WireValue[] },
): ApiAnswer {
  const headers: Record<string, string> = {
    "x-total-count": String(total),
    "x-page": String(page),
    "x-page-size": String(pagesize),
  };
  const attributes: Record<string, string> = {
    total: String(total),
    page: String(page),
    pagesize: String(pagesize),
  };
  if (page * pagesize < total) {
    const next = new URL(request.url).searchParams;
    next.set("page", String(page + 1));
    next.set("pagesize", String(pagesize));
    const link = `${path}?${next}`;
    headers.link = `<${link}>; rel="next"`;
    attributes.next = link;
  }
  return { root, body: items, headers, attributes };
}

/** GET /api/v1/orders/ */
export const listOrdersRoute: ApiRouteSpec = {
  scope: "read",
  run: async ({ ctx, request }) =>
    paged(
      "orders",
      request,
      ordersPath,
      await listApiOrders(ctx, parseRequest(listOrdersQuery, queryOf(request))),
    ),
};

/** POST /api/v1/orders/: 201, the order, and its relative Location. */
export const createOrderRoute: ApiRouteSpec = {
  scope: "write",
  run: async ({ ctx, body, format }) => {
    const order = await createApiOrder(ctx, await body());
    return {
      root: "order",
      body: order,
      status: 201,
      headers: { location: `${ordersPath}${order.id}.${format}` },
    };
  },
};

/** GET /api/v1/orders/<id>.<format> */
export const readOrderRoute: ApiRouteSpec = {
  scope: "read",
  formatParam: "id",
  run: async ({ ctx, params }) => {
    const { id } = splitIdAndFormat(params.id ?? "");
    return { root: "order", body: await getApiOrder(ctx, id) };
  },
};

/** PUT /api/v1/orders/<id>.<format> */
export const updateOrderRoute: ApiRouteSpec = {
  scope: "write",
  formatParam: "id",
  run: async ({ ctx, params, body }) => {
    const { id } = splitIdAndFormat(params.id ?? "");
    return { root: "order", body: await updateApiOrder(ctx, id, await body()) };
  },
};

/** POST /api/v1/orders/process/: action and orderid in the body (JSON, XML or a form) or the query string. */
export const processOrdersRoute: ApiRouteSpec = {
  scope: "write",
  run: async ({ ctx, request, body }) => {
    const sent = await body();
    const fromBody = sent && typeof sent === "object" && !Array.isArray(sent) ? sent : {};
    return { root: "results", body: await processApiOrders(ctx, { ...queryOf(request), ...fromBody }) };
  },
};

/** GET /api/v1/orders/statistics/<id>.<format> */
export const orderStatisticsRoute: ApiRouteSpec = {
  scope: "read",
  formatParam: "id",
  run: async ({ ctx, params, request }) => {
    const { id } = splitIdAndFormat(params.id ?? "");
    const query = parseRequest(statisticsQuery, queryOf(request));
    return paged(
      "order_statistics",
      request,
      // The id segment as requested (12.xml), so the next page comes in the same format.
      `/api/v1/orders/statistics/${params.id}`,
      await apiOrderStatistics(ctx, id, query),
    );
  },
};
