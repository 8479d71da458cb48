import { z } from "zod";
import { apiKeys } from "@/db/schema";
import type { ApiScope } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { text } from "@/lib/core/validation";
import { apiKeyPrefix, hashApiKey, newApiKeySecret } from "./api-key-secret";

export const createApiKeyInput = z.object({
  name: text({ min: 2, max: 80, required: "Name the key after the integration that uses it." }),
  access: z.enum(["read", "read_write"], { error: "Choose read only or read and write." }),
});
export type createApiKeyInput = z.input<typeof createApiKeyInput>;

export const scopesFor = (access: "read" | "read_write"): ApiScope[] =>
  access === "read" ? ["read"] : ["read", "write"];

/** A new API key for the publisher. The key is in the answer once; only its hash is stored. */
export async function createApiKey(ctx: Ctx, input: createApiKeyInput) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins manage API keys.");
  const data = createApiKeyInput.parse(input);
  const key = newApiKeySecret();
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({
      publisherId: actor.publisherId,
      name: data.name,
      prefix: apiKeyPrefix(key),
      keyHash: hashApiKey(key),
      scopes: scopesFor(data.access),
      createdAt: ctx.now,
    })
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes });
  return { ...row, key };
}
