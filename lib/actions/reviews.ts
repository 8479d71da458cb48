"use server";

import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { reviewOrder, reviewOrderInput } from "@/lib/reviews/review-order";

export const reviewOrderAction = defineAction({
  input: reviewOrderInput,
  roles: [...staffWriters, "advertiser"],
  run: ({ ctx, input }) => reviewOrder(ctx, input),
  message: () => "Thank you, your review is saved.",
  revalidate: ["/publisher/orders", "/advertiser/orders"],
});
