import type { z } from "zod";
import { db as defaultDb, type Queryable } from "@/db";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { ApiActor, ApiScope } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { BadRequest, Forbidden, RateLimited } from "@/lib/core/errors";
import { describeError } from "@/lib/http/error-map";
import { claimIdempotencyKey, idempotencyKeyOf, requestHash, storeIdempotentResponse } from "./idempotency";
import { type ApiRateLimit, apiRateLimit, countApiRequest } from "./rate-limit";
import { readBody, requestedFormat, type WireFormat, type WireValue, wireResponse } from "./wire";

export type ApiCtx = Ctx & { actor: ApiActor };

/** What a route answers: the data and the name of its root element in XML. */
export type ApiAnswer = {
  root: string;
  body: WireValue;
  status?: number;
  headers?: Record<string, string>;
  attributes?: Record<string, string>;
};

type ApiRunArgs = {
  ctx: ApiCtx;
  request: Request;
  params: Record<string, string>;
  format: WireFormat;
  /** The body, read as its Content-Type says (JSON, XML or a form). */
  body: () => Promise<unknown>;
};

export type ApiRouteSpec = {
  /** read for GET, write for anything that changes orders. */
  scope: ApiScope;
  /** The path parameter that ends in `.json` / `.xml`, if the route has one. */
  formatParam?: string;
  run: (args: ApiRunArgs) => Promise<ApiAnswer>;
};

export type ApiCall = {
  request: Request;
  params?: Record<string, string>;
  db?: Queryable;
  now?: Date;
  rateLimit?: ApiRateLimit;
};

type NextContext = { params?: Promise<Record<string, string | string[]>> };

// Kept beside each handler so the API fuzz test can call every route's spec directly.
const specs = new WeakMap<object, ApiRouteSpec>();

/** A REST API route handler: Bearer key → rate limit → scope → (idempotency) → run → JSON or XML. */
export function apiRoute(spec: ApiRouteSpec) {
  const handler = async (request: Request, context: NextContext = {}): Promise<Response> => {
    const params = Object.fromEntries(
      Object.entries((await context.params) ?? {}).map(([k, v]) => [k, String(v)]),
    );
    return runApiRoute(spec, { request, params });
  };
  specs.set(handler, spec);
  return handler;
}

export function apiRouteSpecOf(handler: unknown): ApiRouteSpec | undefined {
  return typeof handler === "function" ? specs.get(handler) : undefined;
}

/** `apiRoute` for a given request and database: what tests call. */
export async function runApiRoute(spec: ApiRouteSpec, call: ApiCall): Promise<Response> {
  const params = call.params ?? {};
  const format = requestedFormat(call.request, spec.formatParam ? params[spec.formatParam] : undefined);
  const db = call.db ?? defaultDb;
  const now = call.now ?? new Date();
  try {
    const actor = await authenticateApiKey(db, call.request.headers.get("authorization"), now);
    await countApiRequest(db, actor.apiKeyId, now, call.rateLimit ?? apiRateLimit);
    if (!actor.scopes.includes(spec.scope)) {
      throw new Forbidden(
        `This API key may not ${spec.scope === "write" ? "change orders" : "read orders"}: it lacks the ${spec.scope} scope.`,
      );
    }
    const key = call.request.method === "POST" ? idempotencyKeyOf(call.request) : null;
    if (!key) {
      const ctx: ApiCtx = { actor, db, now };
      return answer(
        format,
        await spec.run({ ctx, request: call.request, params, format, body: () => readBody(call.request) }),
      );
    }
    return await idempotent(spec, call, { actor, db, now, key, params, format });
  } catch (error) {
    return failure(error, format);
  }
}

async function idempotent(
  spec: ApiRouteSpec,
  call: ApiCall,
  {
    actor,
    db,
    now,
    key,
    params,
    format,
  }: {
    actor: ApiActor;
    db: Queryable;
    now: Date;
    key: string;
    params: Record<string, string>;
    format: WireFormat;
  },
): Promise<Response> {
  const text = await call.request.text();
  const url = new URL(call.request.url);
  const hash = requestHash("POST", url.pathname + url.search, text);
  return db.transaction(async (tx) => {
    const earlier = await claimIdempotencyKey(tx, actor.apiKeyId, key, hash, now);
    if (earlier) {
      const headers: Record<string, string> = {
        "content-type": earlier.contentType,
        "idempotent-replayed": "true",
      };
      if (earlier.location) headers.location = earlier.location;
      return new Response(earlier.body, { status: earlier.status, headers });
    }
    const ctx: ApiCtx = { actor, db: tx, now };
    let response: Response;
    try {
      response = answer(
        format,
        await spec.run({
          ctx,
          request: call.request,
          params,
          format,
          body: () => readBody(call.request, text),
        }),
      );
    } catch (error) {
      response = failure(error, format);
    }
    const body = await response.clone().text();
    await storeIdempotentResponse(tx, actor.apiKeyId, key, {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "application/json",
      location: response.headers.get("location"),
      body,
    });
    return response;
  });
}

function answer(format: WireFormat, result: ApiAnswer): Response {
  return wireResponse(format, result.root, result.body, result);
}

/** Any refusal, in the requested format: `{ error: { code, message, fields } }`, status from the error map. */
export function failure(error: unknown, format: WireFormat): Response {
  const { status, code, message, fieldErrors } = describeError(error);
  const headers: Record<string, string> = {};
  if (error instanceof RateLimited && error.retryAfterSeconds)
    headers["retry-after"] = String(error.retryAfterSeconds);
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="addesk"';
  const body: WireValue =
    format === "xml"
      ? {
          code,
          message,
          fields: Object.entries(fieldErrors).map(([name, messages]) => ({
            name,
            message: messages.join(" "),
          })),
        }
      : { error: { code, message, fields: fieldErrors } };
  return wireResponse(format, "error", body, { status, headers });
}

/** A request's input read with `schema`; refused as 400 naming each field (unknown ones too). */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  intro = "Please correct the request.",
): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const names =
      issue.code === "unrecognized_keys"
        ? issue.keys.map((k) => [...issue.path, k].join("."))
        : [issue.path.length ? issue.path.join(".") : "body"];
    const message = issue.code === "unrecognized_keys" ? "Unknown attribute." : issue.message;
    for (const name of names) fields[name] = [...(fields[name] ?? []), message];
  }
  const summary = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
    .join("; ");
  throw new BadRequest(`${intro} ${summary}`, fields);
}

/** The query string as data for a schema. */
export const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
