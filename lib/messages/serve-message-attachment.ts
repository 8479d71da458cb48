import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { messageAttachments, messages, orders } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { id } from "@/lib/core/validation";
import { fileNotFound, uploadedFileResponse } from "@/lib/http/file-response";
import { messageScope } from "./message-scope";

export const serveMessageAttachmentInput = z.object({ messageId: id() });
export type serveMessageAttachmentInput = z.input<typeof serveMessageAttachmentInput>;

/**
 * A message's attachment for someone who may read the message: staff of the order's
 * publisher, people of its advertiser (never an internal note's). Anything else is the
 * same 404, so ids reveal nothing. Served inert: sniffed type, nosniff, sandboxed.
 */
export async function serveMessageAttachment(ctx: PublicCtx, input: serveMessageAttachmentInput) {
  const parsed = serveMessageAttachmentInput.safeParse(input);
  const actor = ctx.actor;
  if (!parsed.success || !actor || (actor.kind !== "staff" && actor.kind !== "advertiser"))
    return fileNotFound();
  const [file] = await ctx.db
    .select({ attachment: messageAttachments })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(orders, eq(orders.id, messages.orderId))
    .where(and(eq(messageAttachments.messageId, parsed.data.messageId), messageScope(actor)));
  if (!file) return fileNotFound();
  return uploadedFileResponse(file.attachment);
}
