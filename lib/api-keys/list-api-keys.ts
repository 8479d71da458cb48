import { desc, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";

/** The publisher's API keys, newest first: never the key, only its prefix. */
export async function listApiKeys(ctx: Ctx) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins manage API keys.");
  return ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.publisherId, actor.publisherId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
