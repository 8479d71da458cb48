"use server";

import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { sendMessage, sendMessageInput } from "@/lib/messages/send-message";

export const sendMessageAction = defineAction({
  input: sendMessageInput,
  roles: [...staffWriters, "advertiser"],
  run: ({ ctx, input }) => sendMessage(ctx, input),
  message: (result) => (result.internal ? "Internal note saved." : "Message sent."),
  revalidate: ["/publisher/orders", "/advertiser/orders"],
});
