import { and, count, eq, gt, ne, sql } from "drizzle-orm";
import { messageReads, messages, orders } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { messageScope } from "./message-scope";

/**
 * Messages this person may see, written by someone else, after what they last read — per
 * order and in total (the "Orders" badge). Scoped like the thread itself.
 */
export async function unreadMessageCounts(ctx: Ctx) {
  const actor = requirePerson(ctx.actor);
  const rows = await ctx.db
    .select({ orderId: messages.orderId, unread: count() })
    .from(messages)
    .innerJoin(orders, eq(orders.id, messages.orderId))
    .leftJoin(
      messageReads,
      and(eq(messageReads.orderId, messages.orderId), eq(messageReads.userId, actor.userId)),
    )
    .where(
      and(
        messageScope(actor),
        ne(messages.authorUserId, actor.userId),
        gt(messages.id, sql`coalesce(${messageReads.lastReadMessageId}, 0)`),
      ),
    )
    .groupBy(messages.orderId);
  const byOrder = new Map(rows.map((r) => [r.orderId, Number(r.unread)]));
  return { total: rows.reduce((sum, r) => sum + Number(r.unread), 0), byOrder };
}
