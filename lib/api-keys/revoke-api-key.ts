import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiKeys } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";

export const revokeApiKeyInput = z.object({ keyId: id("Choose a key.") });
export type revokeApiKeyInput = z.input<typeof revokeApiKeyInput>;

/** Revokes a key for good: the next request made with it is refused. */
export async function revokeApiKey(ctx: Ctx, input: revokeApiKeyInput) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins manage API keys.");
  const data = revokeApiKeyInput.parse(input);
  const [row] = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: ctx.now })
    .where(
      and(eq(apiKeys.id, data.keyId), eq(apiKeys.publisherId, actor.publisherId), isNull(apiKeys.revokedAt)),
    )
    .returning({ id: apiKeys.id, name: apiKeys.name });
  if (!row) throw new NotFound("That active API key");
  return row;
}
