import { z } from "zod";
import { connectionTestBody, lineItemSyncBody, syncAcknowledgement } from "@/lib/ad-server/sync-payload";
import {
  apiAdvertiser,
  apiError,
  apiOrder,
  apiOrderStatistic,
  apiZone,
  apiZoneSummary,
  createOrderBody,
  listOrdersQuery,
  listPageQuery,
  processBody,
  processResult,
  statisticsQuery,
  updateOrderBody,
  zoneQuery,
} from "./schemas";

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

/**
 * A zod schema as OpenAPI 3.1 (JSON Schema 2020-12): schemas with an id go to
 * components, and the answer is a $ref to them. Requests are described as they are
 * read (io: input), answers as they are written (io: output).
 */
function schemaRef(components: Components, schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  const text = JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/');
  const {
    $defs,
    $schema: _,
    ...root
  } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  Object.assign(components, $defs ?? {});
  return root;
}

/** The query schema's properties as OpenAPI query parameters. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const converted = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    $defs?: Record<string, { properties?: Record<string, JsonSchema>; required?: string[] }>;
  };
  const object = Object.values(converted.$defs ?? {})[0] ?? {};
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: "query",
      required: object.required?.includes(name) ?? false,
      description,
      schema: rest,
    };
  });
}

const idOf = (what: string) => ({
  name: "id",
  in: "path",
  required: true,
  description: `The ${what} id, with \`.json\` or \`.xml\` for the format (no suffix: JSON).`,
  schema: { type: "string", pattern: "^\\d+(\\.(json|xml))?$" },
});

const idParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The order id, with `.json` or `.xml` for the format (no suffix: JSON).",
  schema: { type: "string", pattern: "^\\d+(\\.(json|xml))?$" },
};

const idempotencyParameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Retrying with the same key and body answers the first response; another body with the same key is 409.",
  schema: { type: "string", maxLength: 200 },
};

function content(schema: JsonSchema) {
  return {
    "application/json": { schema },
    "application/xml": { schema },
  };
}

function errors(components: Components, ...statuses: number[]) {
  const error = schemaRef(components, apiError, "output");
  const words: Record<number, string> = {
    400: "The request cannot be read: malformed body, unknown attribute, bad parameter (named in fields).",
    401: "No API key, or a wrong or revoked one.",
    403: "The key lacks the scope this needs (write).",
    404: "No such order for this key's publisher.",
    409: "Not enough inventory, an order in a state that refuses the change, or an Idempotency-Key reused with another body.",
    422: "Understood but not possible: a zone, advertiser, country or date AdDesk refuses (named in fields).",
    429: "Too many requests with this key; wait Retry-After seconds.",
  };
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: words[status],
        content: { "application/json": { schema: { type: "object", properties: { error } } } },
      },
    ]),
  );
}

/** The OpenAPI 3.1 document of /api/v1, built from the schemas that validate the requests. */
export function openApiDocument(): JsonSchema {
  const components: Components = {};
  const ref = (schema: z.ZodType, io: "input" | "output") => schemaRef(components, schema, io);
  const refusals = (...statuses: number[]) => errors(components, ...statuses);
  const order = ref(apiOrder, "output");
  const statistic = ref(apiOrderStatistic, "output");
  const paging = {
    "X-Total-Count": { description: "How many match, on every page.", schema: { type: "integer" } },
    "X-Page": { schema: { type: "integer" } },
    "X-Page-Size": { schema: { type: "integer" } },
    Link: {
      description: 'The next page: `</api/v1/orders/?page=2&pagesize=25>; rel="next"`.',
      schema: { type: "string" },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "AdDesk REST API",
      version: "1.0.0",
      description:
        "Orders as seed 002 (the Ad Store API) describes them, in JSON or XML. Authenticate with `Authorization: Bearer <key>` (Settings → API keys). An AdDesk order with several line items is one order: linked_zone, model and maximum_bid_price are its first line item's, priority the highest, volumes and prices summed; `line_items` lists each.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/orders/": {
        get: {
          operationId: "listOrders",
          summary: "List orders",
          description:
            "Oldest first (by id). Total, page and the next page are in headers (and attributes of the XML root).",
          parameters: queryParameters(listOrdersQuery),
          responses: {
            200: {
              description: "Up to pagesize orders.",
              headers: paging,
              content: content({ type: "array", items: order }),
            },
            ...refusals(400, 401, 429),
          },
        },
        post: {
          operationId: "createOrder",
          summary: "Create an order",
          description:
            "Approved at once without online payment; its inventory is reserved now or the request fails with 409.",
          parameters: [idempotencyParameter],
          requestBody: { required: true, content: content(ref(createOrderBody, "input")) },
          responses: {
            201: {
              description: "The created order.",
              headers: {
                Location: { description: "/api/v1/orders/<id>.<format>", schema: { type: "string" } },
              },
              content: content(order),
            },
            ...refusals(400, 401, 403, 409, 422, 429),
          },
        },
      },
      "/api/v1/orders/{id}": {
        get: {
          operationId: "readOrder",
          summary: "Read an order",
          parameters: [idParameter],
          responses: {
            200: { description: "The order.", content: content(order) },
            ...refusals(401, 404, 429),
          },
        },
        put: {
          operationId: "updateOrder",
          summary: "Update an order",
          parameters: [idParameter],
          requestBody: { required: true, content: content(ref(updateOrderBody, "input")) },
          responses: {
            200: { description: "The updated order.", content: content(order) },
            ...refusals(400, 401, 403, 404, 409, 422, 429),
          },
        },
      },
      "/api/v1/orders/process/": {
        post: {
          operationId: "processOrders",
          summary: "Play, pause, stop, refund or archive orders",
          description:
            "action and orderid in the body (JSON, XML or a form) or the query string. Each order is reported on its own.",
          parameters: [idempotencyParameter],
          requestBody: { required: false, content: content(ref(processBody, "input")) },
          responses: {
            200: {
              description: "One result per order.",
              content: content({ type: "array", items: ref(processResult, "output") }),
            },
            ...refusals(400, 401, 403, 409, 429),
          },
        },
      },
      "/api/v1/orders/statistics/{id}": {
        get: {
          operationId: "orderStatistics",
          summary: "An order's statistics",
          description:
            "One per day with delivery between fromdate and todate; without dates, the latest (totals so far).",
          parameters: [idParameter, ...queryParameters(statisticsQuery)],
          responses: {
            200: {
              description: "Statistics.",
              headers: paging,
              content: content({ type: "array", items: statistic }),
            },
            ...refusals(400, 401, 404, 429),
          },
        },
      },
      ...catalogPaths(ref, refusals, paging),
    },
    webhooks: adServerWebhooks(ref),
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys." },
      },
      schemas: components,
    },
  };
}

/** The read-only zones and advertisers: what an integration needs to book without the UI. */
function catalogPaths(
  ref: (schema: z.ZodType, io: "input" | "output") => JsonSchema,
  refusals: (...statuses: number[]) => Record<string, unknown>,
  paging: Record<string, unknown>,
) {
  const list = (operationId: string, summary: string, item: z.ZodType) => ({
    get: {
      operationId,
      summary,
      description: "Oldest first (by id). Total, page and the next page are in headers.",
      parameters: queryParameters(listPageQuery),
      responses: {
        200: {
          description: "Up to pagesize items.",
          headers: paging,
          content: content({ type: "array", items: ref(item, "output") }),
        },
        ...refusals(400, 401, 429),
      },
    },
  });
  return {
    "/api/v1/zones/": list("listZones", "List ad zones", apiZoneSummary),
    "/api/v1/zones/{id}": {
      get: {
        operationId: "readZone",
        summary: "Read an ad zone with its availability",
        description:
          "Free units per day and country from fromdate to todate (at most 93 days; default today and the 13 days after). A day the zone's rules close shows available 0 with the reason.",
        parameters: [idOf("ad zone"), ...queryParameters(zoneQuery)],
        responses: {
          200: { description: "The zone.", content: content(ref(apiZone, "output")) },
          ...refusals(400, 401, 404, 422, 429),
        },
      },
    },
    "/api/v1/advertisers/": list("listAdvertisers", "List advertisers", apiAdvertiser),
    "/api/v1/advertisers/{id}": {
      get: {
        operationId: "readAdvertiser",
        summary: "Read an advertiser",
        parameters: [idOf("advertiser")],
        responses: {
          200: { description: "The advertiser.", content: content(ref(apiAdvertiser, "output")) },
          ...refusals(401, 404, 429),
        },
      },
    },
  };
}

/**
 * What AdDesk POSTs to the publisher's own ad server (Settings → Ad server; README "Ad
 * server sync"), from the schemas the sync writes and reads.
 */
function adServerWebhooks(ref: (schema: z.ZodType, io: "input" | "output") => JsonSchema) {
  const signature = {
    name: "X-AdDesk-Signature",
    in: "header",
    required: true,
    description:
      '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the connection\'s secret, as webhooks.',
    schema: { type: "string" },
  };
  const json = (schema: JsonSchema) => ({ "application/json": { schema } });
  return {
    adServerLineItemChanged: {
      post: {
        operationId: "adServerLineItemChanged",
        summary: "A line item changed (sent to your ad server)",
        description:
          "Sent for every change a line item goes through, with its whole current state. Answer 2xx with your id for the line item; anything else (another status, a body that is not the acknowledgement, no answer within 10 s) is a failed attempt, retried after 1, 5, 30, 120 and 720 minutes, then left for staff to Retry. Apply the highest `sequence` you have seen per line item and ignore lower ones.",
        parameters: [signature],
        requestBody: { required: true, content: json(ref(lineItemSyncBody, "output")) },
        responses: {
          200: { description: "Applied.", content: json(ref(syncAcknowledgement, "input")) },
        },
      },
    },
    adServerConnectionTest: {
      post: {
        operationId: "adServerConnectionTest",
        summary: "The Test connection button (sent to your ad server)",
        parameters: [signature],
        requestBody: { required: true, content: json(ref(connectionTestBody, "output")) },
        responses: { 200: { description: "Any 2xx passes." } },
      },
    },
  };
}
