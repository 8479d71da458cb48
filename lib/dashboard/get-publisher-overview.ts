import { and, count, desc, eq, notInArray } from "drizzle-orm";
import { advertisers, orders, publishers } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";

/**
 * The desk's landing page: how many orders sit in each status, and the latest ones.
 * Drafts and archived orders are left out of the latest: they have no tab and nothing to act on.
 */
export async function getPublisherOverview(ctx: Ctx) {
  const { publisherId } = requireStaff(ctx.actor);
  const [publisher] = await ctx.db.select().from(publishers).where(eq(publishers.id, publisherId));
  const [byStatus, latest] = await Promise.all([
    ctx.db
      .select({ status: orders.status, n: count() })
      .from(orders)
      .where(eq(orders.publisherId, publisherId))
      .groupBy(orders.status),
    ctx.db
      .select({
        id: orders.id,
        name: orders.name,
        status: orders.status,
        source: orders.source,
        total: orders.net,
        currency: orders.currency,
        startDate: orders.startDate,
        endDate: orders.endDate,
        createdAt: orders.createdAt,
        advertiser: advertisers.company,
      })
      .from(orders)
      .innerJoin(advertisers, eq(advertisers.id, orders.advertiserId))
      .where(and(eq(orders.publisherId, publisherId), notInArray(orders.status, ["draft", "archived"])))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(10),
  ]);
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>;
  return { publisher, counts, latest };
}
