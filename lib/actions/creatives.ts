"use server";

import { assignCreative, assignCreativeInput } from "@/lib/creatives/assign-creative";
import { replaceCreative, replaceCreativeInput } from "@/lib/creatives/replace-creative";
import { uploadCreative, uploadCreativeInput } from "@/lib/creatives/upload-creative";
import { defineAction } from "@/lib/http/define-action";

const revalidate = ["/advertiser/creatives", "/advertiser/orders"];

export const uploadCreativeAction = defineAction({
  input: uploadCreativeInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => uploadCreative(ctx, input),
  message: () => "Creative uploaded. It serves once the publisher approves it.",
  revalidate,
});

export const replaceCreativeAction = defineAction({
  input: replaceCreativeInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => replaceCreative(ctx, input),
  message: (result) =>
    `Version ${result.version} uploaded and sent to review. The current version keeps serving until it is approved.`,
  revalidate,
});

export const assignCreativeAction = defineAction({
  input: assignCreativeInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => assignCreative(ctx, input),
  message: (result) =>
    result.assignedLineItemIds.length === 1
      ? "Assigned to 1 line item."
      : `Assigned to ${result.assignedLineItemIds.length} line items.`,
  revalidate,
});
