import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { deliveryProofs, orders } from "@/db/schema";
import type { PublicCtx } from "@/lib/core/context";
import { id } from "@/lib/core/validation";
import { fileNotFound, uploadedFileResponse } from "@/lib/http/file-response";
import { orderScope } from "@/lib/orders/get-order-for-actor";

export const serveProofFileInput = z.object({ proofId: id() });
export type serveProofFileInput = z.input<typeof serveProofFileInput>;

/**
 * A proof's screenshot for people of the order's two sides; anything else is the same 404,
 * so ids reveal nothing. Served inert: sniffed type, nosniff, sandboxed.
 */
export async function serveProofFile(ctx: PublicCtx, input: serveProofFileInput) {
  const parsed = serveProofFileInput.safeParse(input);
  const actor = ctx.actor;
  if (!parsed.success || !actor || (actor.kind !== "staff" && actor.kind !== "advertiser"))
    return fileNotFound();
  const [proof] = await ctx.db
    .select({
      fileName: deliveryProofs.fileName,
      mimeType: deliveryProofs.mimeType,
      content: deliveryProofs.content,
    })
    .from(deliveryProofs)
    .innerJoin(orders, eq(orders.id, deliveryProofs.orderId))
    .where(
      and(
        eq(deliveryProofs.id, parsed.data.proofId),
        eq(deliveryProofs.publisherId, actor.publisherId),
        isNotNull(deliveryProofs.content),
        orderScope(actor),
      ),
    );
  if (!proof?.content || !proof.mimeType) return fileNotFound();
  return uploadedFileResponse({
    content: proof.content,
    mimeType: proof.mimeType,
    fileName: proof.fileName ?? "proof",
  });
}
