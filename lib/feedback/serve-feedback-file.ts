import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { feedbackRequests, orders } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { id } from "@/lib/core/validation";
import { feedbackScope } from "./feedback-scope";

export const serveFeedbackFileInput = z.object({ feedbackRequestId: id() });
export type serveFeedbackFileInput = z.input<typeof serveFeedbackFileInput>;

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });

/** A draft's file for staff of its publisher or people of its advertiser; anything else is the same 404. */
export async function serveFeedbackFile(ctx: PublicCtx, input: serveFeedbackFileInput) {
  const parsed = serveFeedbackFileInput.safeParse(input);
  const actor = ctx.actor;
  if (!parsed.success || !actor || (actor.kind !== "staff" && actor.kind !== "advertiser")) return notFound();
  const [file] = await ctx.db
    .select({
      fileName: feedbackRequests.fileName,
      mimeType: feedbackRequests.mimeType,
      size: feedbackRequests.size,
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
  if (!file?.content || !file.mimeType) return notFound();
  const disposition = file.mimeType === "application/pdf" ? "attachment" : "inline";
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size ?? file.content.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      "Content-Disposition": `${disposition}; filename="${(file.fileName ?? "draft").replaceAll('"', "")}"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
