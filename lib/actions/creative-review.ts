"use server";

import { staffWriters } from "@/lib/core/roles";
import { approveCreative, approveCreativeInput } from "@/lib/creatives/approve-creative";
import { rejectCreative, rejectCreativeInput } from "@/lib/creatives/reject-creative";
import { defineAction } from "@/lib/http/define-action";

// No `revalidate`: the review controls refresh the page once their toast has shown (see ReviewActions).

export const approveCreativeAction = defineAction({
  input: approveCreativeInput,
  roles: staffWriters,
  run: ({ ctx, input }) => approveCreative(ctx, input),
  message: (result) =>
    result.supersededId
      ? "Creative approved. It now serves in place of the previous version; the advertiser was emailed."
      : "Creative approved. The advertiser was emailed.",
});

export const rejectCreativeAction = defineAction({
  input: rejectCreativeInput,
  roles: staffWriters,
  run: ({ ctx, input }) => rejectCreative(ctx, input),
  message: () => "Creative rejected. The advertiser was emailed the reason.",
});
