import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { messageAttachments, messages, orders, users } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import { messageScope } from "./message-scope";

/**
 * An order's thread as this person may see it (advertisers never get internal notes), with
 * each attachment's name and type but not its bytes. The caller has already found the order.
 */
export async function threadForActor(db: Queryable, actor: StaffActor | AdvertiserActor, orderId: number) {
  return db
    .select({
      message: {
        id: messages.id,
        body: messages.body,
        at: messages.at,
        internal: messages.internal,
        authorUserId: messages.authorUserId,
      },
      authorName: users.name,
      attachment: {
        fileName: messageAttachments.fileName,
        mimeType: messageAttachments.mimeType,
        size: messageAttachments.size,
      },
    })
    .from(messages)
    .innerJoin(orders, eq(orders.id, messages.orderId))
    .innerJoin(users, eq(users.id, messages.authorUserId))
    .leftJoin(messageAttachments, eq(messageAttachments.messageId, messages.id))
    .where(and(eq(messages.orderId, orderId), messageScope(actor)))
    .orderBy(asc(messages.at), asc(messages.id));
}

export type ThreadMessage = Awaited<ReturnType<typeof threadForActor>>[number];
