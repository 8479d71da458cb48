import { and, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import { messageReads, messages, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { messageScope } from "./message-scope";

export const markMessagesReadInput = z.object({ orderId: id() });
export type markMessagesReadInput = z.input<typeof markMessagesReadInput>;

/**
 * Opening an order's page reads its thread: everything this person may see up to now stops
 * counting as unread. Only ever moves forward, so an older page load cannot unread anything.
 */
export async function markMessagesRead(ctx: Ctx, input: markMessagesReadInput) {
  const actor = requirePerson(ctx.actor);
  const { orderId } = markMessagesReadInput.parse(input);
  const [latest] = await ctx.db
    .select({ id: max(messages.id) })
    .from(messages)
    .innerJoin(orders, eq(orders.id, messages.orderId))
    .where(and(eq(messages.orderId, orderId), messageScope(actor)));
  if (!latest?.id) return { lastReadMessageId: null };
  await ctx.db
    .insert(messageReads)
    .values({ userId: actor.userId, orderId, lastReadMessageId: latest.id })
    .onConflictDoUpdate({
      target: [messageReads.userId, messageReads.orderId],
      set: { lastReadMessageId: latest.id },
      setWhere: sql`${messageReads.lastReadMessageId} < ${latest.id}`,
    });
  return { lastReadMessageId: latest.id };
}
