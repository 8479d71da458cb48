"use server";

import { staffWriters } from "@/lib/core/roles";
import { answerFeedback, answerFeedbackInput } from "@/lib/feedback/answer-feedback";
import { requestFeedback, requestFeedbackInput } from "@/lib/feedback/request-feedback";
import { defineAction } from "@/lib/http/define-action";

const revalidate = ["/publisher/orders", "/advertiser/orders"];

export const requestFeedbackAction = defineAction({
  input: requestFeedbackInput,
  roles: staffWriters,
  run: ({ ctx, input }) => requestFeedback(ctx, input),
  message: (result) => `Draft ${result.round} sent. The order waits for the advertiser's answer.`,
  revalidate,
});

export const answerFeedbackAction = defineAction({
  input: answerFeedbackInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => answerFeedback(ctx, input),
  message: (result) =>
    result.status === "approved" ? "Draft approved." : "Change request sent to the publisher.",
  revalidate,
});
