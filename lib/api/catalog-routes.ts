import { getApiAdvertiser, listApiAdvertisers } from "./api-advertisers";
import type { ApiRouteSpec } from "./api-route";
import { parseRequest, queryOf } from "./api-route";
import { getApiZone, listApiZones } from "./api-zones";
import { paged } from "./order-routes";
import { listPageQuery, zoneQuery } from "./schemas";
import { splitIdAndFormat } from "./wire";

export const zonesPath = "/api/v1/zones/";
export const advertisersPath = "/api/v1/advertisers/";

/** GET /api/v1/zones/ */
export const listZonesRoute: ApiRouteSpec = {
  scope: "read",
  run: async ({ ctx, request }) =>
    paged(
      "zones",
      request,
      zonesPath,
      await listApiZones(ctx, parseRequest(listPageQuery, queryOf(request))),
    ),
};

/** GET /api/v1/zones/<id>.<format>?fromdate&todate&countries */
export const readZoneRoute: ApiRouteSpec = {
  scope: "read",
  formatParam: "id",
  run: async ({ ctx, params, request }) => {
    const { id } = splitIdAndFormat(params.id ?? "", "Zone");
    const query = parseRequest(zoneQuery, queryOf(request));
    return { root: "zone", body: await getApiZone(ctx, id, query) };
  },
};

/** GET /api/v1/advertisers/ */
export const listAdvertisersRoute: ApiRouteSpec = {
  scope: "read",
  run: async ({ ctx, request }) =>
    paged(
      "advertisers",
      request,
      advertisersPath,
      await listApiAdvertisers(ctx, parseRequest(listPageQuery, queryOf(request))),
    ),
};

/** GET /api/v1/advertisers/<id>.<format> */
export const readAdvertiserRoute: ApiRouteSpec = {
  scope: "read",
  formatParam: "id",
  run: async ({ ctx, params }) => {
    const { id } = splitIdAndFormat(params.id ?? "", "Advertiser");
    return { root: "advertiser", body: await getApiAdvertiser(ctx, id) };
  },
};
