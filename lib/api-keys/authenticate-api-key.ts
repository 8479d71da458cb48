import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { apiKeys } from "@/db/schema";
import { type ApiActor, type ApiScope, apiScopes } from "@/lib/core/actor";
import { Unauthenticated } from "@/lib/core/errors";
import { hashApiKey } from "./api-key-secret";

const missing = "Send your API key as `Authorization: Bearer <key>`.";
const refused = "That API key is not valid or has been revoked.";

/** The API actor for an `Authorization: Bearer <key>` header, or 401. Notes when the key was last used. */
export async function authenticateApiKey(
  db: Queryable,
  authorization: string | null,
  now: Date,
): Promise<ApiActor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw new Unauthenticated(missing);
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.keyHash, hashApiKey(match[1])), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, publisherId: apiKeys.publisherId, scopes: apiKeys.scopes });
  if (!row) throw new Unauthenticated(refused);
  const scopes = row.scopes.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s));
  return { kind: "api", publisherId: row.publisherId, apiKeyId: row.id, scopes };
}
