"use server";

import { staffAdmins } from "@/lib/core/roles";
import { retryEmail, retryEmailInput } from "@/lib/email/retry-email";
import { defineAction } from "@/lib/http/define-action";
import { retryJob, retryJobInput } from "@/lib/jobs/retry-job";

const page = "/publisher/settings/operations";

export const retryJobAction = defineAction({
  input: retryJobInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => retryJob(ctx, input),
  message: (job) => `Job #${job.id} is queued again; it runs within a minute.`,
  revalidate: [page],
});

export const retryEmailAction = defineAction({
  input: retryEmailInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => retryEmail(ctx, input),
  message: (mail) => `The email to ${mail.to} is queued again.`,
  revalidate: [page, "/publisher/mail"],
});
