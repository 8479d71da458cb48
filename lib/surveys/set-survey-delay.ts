import { z } from "zod";
import { surveySettings } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { wholeNumber } from "@/lib/core/validation";

export const setSurveyDelayInput = z.object({
  delayDays: wholeNumber({ min: 0, max: 365, invalid: "Enter a number of days from 0 (no survey) to 365." }),
});
export type setSurveyDelayInput = z.input<typeof setSurveyDelayInput>;

/** Owners and admins set how many days after completion the metrics survey goes out (0: never). */
export async function setSurveyDelay(ctx: Ctx, input: setSurveyDelayInput) {
  const actor = requireStaffAdmin(ctx.actor);
  const data = setSurveyDelayInput.parse(input);
  await ctx.db
    .insert(surveySettings)
    .values({ publisherId: actor.publisherId, delayDays: data.delayDays })
    .onConflictDoUpdate({ target: surveySettings.publisherId, set: { delayDays: data.delayDays } });
  return data;
}
