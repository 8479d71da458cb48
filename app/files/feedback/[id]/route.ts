import { z } from "zod";
import { serveFeedbackFile } from "@/lib/feedback/serve-feedback-file";
import { route } from "@/lib/http/route";

/** A draft's file, for people of the order's two sides (see serveFeedbackFile); anything else is a 404. */
export const GET = route({
  roles: "public",
  failures: "text",
  query: z.record(z.string(), z.string()),
  run: ({ ctx, params }) => serveFeedbackFile(ctx, { feedbackRequestId: params.id ?? "" }),
});
