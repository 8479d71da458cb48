"use server";

import { staffAdmins } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { answerSurvey, answerSurveyInput } from "@/lib/surveys/answer-survey";
import { setSurveyDelay, setSurveyDelayInput } from "@/lib/surveys/set-survey-delay";

export const answerSurveyAction = defineAction({
  input: answerSurveyInput,
  roles: ["advertiser"],
  run: ({ ctx, input }) => answerSurvey(ctx, input),
  message: () => "Thank you: your answers are with the publisher.",
  revalidate: ["/advertiser/orders", "/publisher/orders", "/publisher/reports"],
});

export const setSurveyDelayAction = defineAction({
  input: setSurveyDelayInput,
  roles: staffAdmins,
  run: ({ ctx, input }) => setSurveyDelay(ctx, input),
  message: (r) =>
    r.delayDays === 0 ? "Surveys turned off." : `Surveys go out ${r.delayDays} days after completion.`,
  revalidate: ["/publisher/reports"],
});
