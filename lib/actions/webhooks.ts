"use server";

import { staffAdmins } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { createWebhook, createWebhookInput } from "@/lib/webhooks/create-webhook";
import { deleteWebhook, deleteWebhookInput } from "@/lib/webhooks/delete-webhook";

const page = "/publisher/settings/webhooks";

export const createWebhookAction = defineAction({
  input: createWebhookInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => createWebhook(ctx, input),
  message: (hook) => `Webhook for ${hook.url} added. Copy its secret now: it is shown only once.`,
  revalidate: [page],
});

export const deleteWebhookAction = defineAction({
  input: deleteWebhookInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => deleteWebhook(ctx, input),
  message: (hook) => `Webhook for ${hook.url} removed.`,
  revalidate: [page],
});
