import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { feedbackRequests, orders, users } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import { feedbackScope } from "./feedback-scope";

/** An order's feedback rounds, oldest first, without file bytes; `waiting` is the open round if any. */
export async function feedbackForOrder(db: Queryable, actor: StaffActor | AdvertiserActor, orderId: number) {
  const rounds = await db
    .select({
      id: feedbackRequests.id,
      round: feedbackRequests.round,
      lineItemId: feedbackRequests.lineItemId,
      body: feedbackRequests.body,
      fileName: feedbackRequests.fileName,
      status: feedbackRequests.status,
      requestedAt: feedbackRequests.requestedAt,
      answeredAt: feedbackRequests.answeredAt,
      answerComment: feedbackRequests.answerComment,
      requestedByName: users.name,
    })
    .from(feedbackRequests)
    .innerJoin(orders, eq(orders.id, feedbackRequests.orderId))
    .innerJoin(users, eq(users.id, feedbackRequests.requestedBy))
    .where(and(eq(feedbackRequests.orderId, orderId), feedbackScope(actor)))
    .orderBy(asc(feedbackRequests.round));
  return { rounds, waiting: rounds.find((r) => r.status === "waiting") ?? null };
}

export type FeedbackRound = Awaited<ReturnType<typeof feedbackForOrder>>["rounds"][number];
