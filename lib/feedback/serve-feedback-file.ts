import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { feedbackRequests, orders } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { id } from "@/lib/core/validation";
import { fileNotFound, uploadedFileResponse } from "@/lib/http/file-response";
import { feedbackScope } from "./feedback-scope";

export const serveFeedbackFileInput = z.object({ feedbackRequestId: id() });
export type serveFeedbackFileInput = z.input<typeof serveFeedbackFileInput>;

/** A draft's file for staff of its publisher or people of its advertiser; anything else is the same 404. */
export async function serveFeedbackFile(ctx: PublicCtx, input: serveFeedbackFileInput) {
  const parsed = serveFeedbackFileInput.safeParse(input);
  const actor = ctx.actor;
  if (!parsed.success || !actor || (actor.kind !== "staff" && actor.kind !== "advertiser"))
    return fileNotFound();
  const [file] = await ctx.db
    .select({
      fileName: feedbackRequests.fileName,
      mimeType: feedbackRequests.mimeType,
      content: feedbackRequests.content,
    })
    .from(feedbackRequests)
    .innerJoin(orders, eq(orders.id, feedbackRequests.orderId))
    .where(
      and(
        eq(feedbackRequests.id, parsed.data.feedbackRequestId),
        isNotNull(feedbackRequests.content),
        feedbackScope(actor),
      ),
    );
  if (!file?.content || !file.mimeType) return fileNotFound();
  return uploadedFileResponse({
    content: file.content,
    mimeType: file.mimeType,
    fileName: file.fileName ?? "draft",
  });
}
