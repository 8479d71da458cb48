import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, advertiserUsers, users } from "@/db/schema";
import type { LoadedOrder } from "@/lib/orders/get-order-for-actor";
import { type Recipient, staffRecipients } from "@/lib/orders/notify-order-party";

/** The advertiser's active people, or its contact address when it has none yet. */
async function advertiserRecipients(db: Queryable, loaded: LoadedOrder): Promise<Recipient[]> {
  const people = await db
    .select({ email: users.email, name: users.name })
    .from(advertiserUsers)
    .innerJoin(users, eq(users.id, advertiserUsers.userId))
    .innerJoin(advertisers, eq(advertisers.id, advertiserUsers.advertiserId))
    .where(
      and(
        eq(advertiserUsers.advertiserId, loaded.order.advertiserId),
        eq(advertisers.publisherId, loaded.order.publisherId),
        isNull(advertiserUsers.deactivatedAt),
      ),
    );
  if (people.length > 0) return people;
  const [contact] = await db
    .select({ email: advertisers.contactEmail, name: advertisers.contactName })
    .from(advertisers)
    .where(
      and(
        eq(advertisers.id, loaded.order.advertiserId),
        eq(advertisers.publisherId, loaded.order.publisherId),
      ),
    );
  return contact ? [contact] : [];
}

/**
 * Who hears about a new message: the other side of the order. An internal note only ever
 * reaches the publisher's own people; the author never gets their own message back.
 */
export async function messageRecipients(
  db: Queryable,
  loaded: LoadedOrder,
  author: { kind: "staff" | "advertiser"; userId: number },
  internal: boolean,
): Promise<{ side: "staff" | "advertiser"; recipients: Recipient[] }> {
  const [me] = await db.select({ email: users.email }).from(users).where(eq(users.id, author.userId));
  const notMe = (list: Recipient[]) => list.filter((r) => r.email !== me?.email);
  if (author.kind === "advertiser" || internal) {
    return { side: "staff", recipients: notMe(await staffRecipients(db, loaded)) };
  }
  return { side: "advertiser", recipients: notMe(await advertiserRecipients(db, loaded)) };
}
