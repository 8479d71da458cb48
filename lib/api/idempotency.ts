import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { apiIdempotencyKeys } from "@/db/schema";
import { BadRequest, Conflict } from "@/lib/core/errors";

export type StoredResponse = { status: number; contentType: string; location: string | null; body: string };

/** What makes two requests "the same": method, path and body. */
export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`, "utf8").digest("hex");
}

/** The `Idempotency-Key` header, if any: 1 to 200 visible characters. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new BadRequest("Idempotency-Key is 1 to 200 visible ASCII characters.", {
      "Idempotency-Key": ["1 to 200 visible ASCII characters."],
    });
  }
  return key;
}

/**
 * Claims `key` for this request, or answers the earlier response: the insert waits for
 * a concurrent request holding the same key to finish, then finds its row. The same key
 * with another request is a 409.
 */
export async function claimIdempotencyKey(
  db: Queryable,
  apiKeyId: number,
  key: string,
  hash: string,
  now: Date,
): Promise<StoredResponse | null> {
  const claimed = await db
    .insert(apiIdempotencyKeys)
    .values({ apiKeyId, key, requestHash: hash, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: apiIdempotencyKeys.key });
  if (claimed.length) return null;
  const [earlier] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.apiKeyId, apiKeyId), eq(apiIdempotencyKeys.key, key)));
  if (!earlier || earlier.requestHash !== hash) {
    throw new Conflict("This Idempotency-Key was already used with a different request.", {
      "Idempotency-Key": ["Already used with a different request."],
    });
  }
  if (earlier.status === null) {
    throw new Conflict("A request with this Idempotency-Key is still being processed.", {
      "Idempotency-Key": ["Still being processed."],
    });
  }
  return {
    status: earlier.status,
    contentType: earlier.contentType ?? "application/json",
    location: earlier.location,
    body: earlier.body ?? "",
  };
}

export async function storeIdempotentResponse(
  db: Queryable,
  apiKeyId: number,
  key: string,
  response: StoredResponse,
) {
  await db
    .update(apiIdempotencyKeys)
    .set(response)
    .where(and(eq(apiIdempotencyKeys.apiKeyId, apiKeyId), eq(apiIdempotencyKeys.key, key)));
}
