import type { ApiRouteSpec } from "./api-route";
import { parseRequest, queryOf } from "./api-route";
import { getApiOrder } from "./get-api-order";
import { listApiOrders } from "./list-api-orders";
import { listOrdersQuery } from "./schemas";
import { splitIdAndFormat } from "./wire";

export const ordersPath = "/api/v1/orders/";

/** GET /api/v1/orders/: a page of orders; total, page, page size and the next page in headers (and XML attributes). */
export const listOrdersRoute: ApiRouteSpec = {
  scope: "read",
  run: async ({ ctx, request }) => {
    const query = parseRequest(listOrdersQuery, queryOf(request));
    const { total, page, pagesize, items } = await listApiOrders(ctx, query);
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
      const next = new URL(request.url);
      next.searchParams.set("page", String(page + 1));
      next.searchParams.set("pagesize", String(pagesize));
      const link = `${ordersPath}?${next.searchParams}`;
      headers.link = `<${link}>; rel="next"`;
      attributes.next = link;
    }
    return { root: "orders", body: items, headers, attributes };
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
