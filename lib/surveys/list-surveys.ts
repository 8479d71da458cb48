import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, orderSurveys, orders, surveySettings } from "@/db/schema";
import type { AdvertiserActor, StaffActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { orderScope } from "@/lib/orders/get-order-for-actor";
import { defaultSurveyDelayDays } from "./find-survey-steps";

export type OrderSurvey = typeof orderSurveys.$inferSelect;

/** An order's survey, if one was sent, for either side. */
export async function surveyForOrder(
  db: Queryable,
  actor: StaffActor | AdvertiserActor,
  orderId: number,
): Promise<OrderSurvey | null> {
  const [row] = await db
    .select({ survey: orderSurveys })
    .from(orderSurveys)
    .innerJoin(orders, eq(orders.id, orderSurveys.orderId))
    .where(
      and(
        eq(orderSurveys.orderId, orderId),
        eq(orderSurveys.publisherId, actor.publisherId),
        orderScope(actor),
      ),
    );
  return row?.survey ?? null;
}

/** The staff report: every answered survey of the publisher, newest first, with the average rating. */
export async function surveyReport(ctx: Ctx) {
  const actor = requireStaff(ctx.actor);
  const rows = await ctx.db
    .select({
      orderId: orders.id,
      orderName: orders.name,
      advertiser: advertisers.company,
      rating: orderSurveys.rating,
      goalsMet: orderSurveys.goalsMet,
      results: orderSurveys.results,
      answeredAt: orderSurveys.answeredAt,
    })
    .from(orderSurveys)
    .innerJoin(orders, eq(orders.id, orderSurveys.orderId))
    .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
    .where(and(eq(orderSurveys.publisherId, actor.publisherId), isNotNull(orderSurveys.answeredAt)))
    .orderBy(desc(orderSurveys.answeredAt))
    .limit(500);
  const [setting] = await ctx.db
    .select({ delayDays: surveySettings.delayDays })
    .from(surveySettings)
    .where(eq(surveySettings.publisherId, actor.publisherId));
  const rated = rows.filter((r) => r.rating !== null);
  return {
    rows: rows.map((r) => ({ ...r, id: r.orderId })),
    average: rated.length ? rated.reduce((s, r) => s + (r.rating ?? 0), 0) / rated.length : null,
    delayDays: setting?.delayDays ?? defaultSurveyDelayDays,
  };
}
