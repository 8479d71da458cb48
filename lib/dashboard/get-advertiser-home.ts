import { and, desc, eq } from "drizzle-orm";
import { advertisers, orders, publishers } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { Forbidden } from "@/lib/errors";

/** An advertiser's own orders with this publisher, newest first. */
export async function getAdvertiserHome(ctx: Ctx) {
  const { actor } = ctx;
  if (actor.kind !== "advertiser") throw new Forbidden();
  const [who] = await ctx.db
    .select({
      company: advertisers.company,
      publisherName: publishers.name,
      publisherSlug: publishers.slug,
      timeZone: publishers.timezone,
    })
    .from(advertisers)
    .innerJoin(publishers, eq(publishers.id, advertisers.publisherId))
    .where(and(eq(advertisers.id, actor.advertiserId), eq(advertisers.publisherId, actor.publisherId)));
  const rows = await ctx.db
    .select({
      id: orders.id,
      name: orders.name,
      status: orders.status,
      total: orders.total,
      currency: orders.currency,
      startDate: orders.startDate,
      endDate: orders.endDate,
      createdAt: orders.createdAt,
      lastActivityAt: orders.lastActivityAt,
    })
    .from(orders)
    .where(and(eq(orders.publisherId, actor.publisherId), eq(orders.advertiserId, actor.advertiserId)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(100);
  return { ...who, orders: rows };
}
