import { and, asc, avg, count, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { orderReviews, orders, users } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import { orderScope } from "@/lib/orders/get-order-for-actor";

/** Both sides' reviews of an order, for people who may see the order. */
export async function reviewsForOrder(db: Queryable, actor: StaffActor | AdvertiserActor, orderId: number) {
  return db
    .select({
      id: orderReviews.id,
      side: orderReviews.side,
      rating: orderReviews.rating,
      comment: orderReviews.comment,
      at: orderReviews.at,
      authorName: users.name,
    })
    .from(orderReviews)
    .innerJoin(orders, eq(orders.id, orderReviews.orderId))
    .innerJoin(users, eq(users.id, orderReviews.authorUserId))
    .where(
      and(
        eq(orderReviews.orderId, orderId),
        eq(orderReviews.publisherId, actor.publisherId),
        orderScope(actor),
      ),
    )
    .orderBy(asc(orderReviews.at));
}

export type OrderReview = Awaited<ReturnType<typeof reviewsForOrder>>[number];

/** The publisher's rating on its media kit: the average of what advertisers gave it, and how many. */
export async function publisherRating(db: Queryable, publisherId: number) {
  const [row] = await db
    .select({ average: avg(orderReviews.rating), reviews: count() })
    .from(orderReviews)
    .where(and(eq(orderReviews.publisherId, publisherId), eq(orderReviews.side, "advertiser")));
  const reviews = Number(row?.reviews ?? 0);
  return reviews === 0 ? null : { average: Math.round(Number(row.average) * 10) / 10, reviews };
}
