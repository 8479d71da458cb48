"use server";

import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { sendQuote, sendQuoteInput } from "@/lib/quotes/send-quote";

export const sendQuoteAction = defineAction({
  input: sendQuoteInput,
  roles: staffWriters,
  run: async ({ ctx, input }) => {
    const { quote } = await sendQuote(ctx, input);
    return { quoteId: quote.id };
  },
  message: () => "Quote sent. The advertiser was emailed and can accept or decline it.",
  revalidate: ["/publisher", "/advertiser"],
});
