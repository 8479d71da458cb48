"use server";

import { createApiKey, createApiKeyInput } from "@/lib/api-keys/create-api-key";
import { revokeApiKey, revokeApiKeyInput } from "@/lib/api-keys/revoke-api-key";
import { staffAdmins } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";

const page = "/publisher/settings/api-keys";

export const createApiKeyAction = defineAction({
  input: createApiKeyInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => createApiKey(ctx, input),
  message: (key) => `API key “${key.name}” created. Copy it now: it is shown only once.`,
  revalidate: [page],
});

export const revokeApiKeyAction = defineAction({
  input: revokeApiKeyInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => revokeApiKey(ctx, input),
  message: (key) => `API key “${key.name}” revoked.`,
  revalidate: [page],
});
