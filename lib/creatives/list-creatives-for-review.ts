import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { advertisers, creatives } from "@/db/schema";
import { reviewStatus } from "@/db/schema/enums";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";
import { maxId, wholeNumber } from "@/lib/core/validation";
import { withCreativeDetails } from "./creative-details";
import type { ReviewStatus } from "./line-item-creative-state";

export const reviewPageSize = 20;

export const listCreativesForReviewInput = z.object({
  /** An unknown status (a hand-edited URL) shows the pending queue rather than an error. */
  status: z
    .string()
    .optional()
    .transform(
      (value): ReviewStatus =>
        reviewStatus.enumValues.includes(value as ReviewStatus) ? (value as ReviewStatus) : "pending",
    ),
  page: wholeNumber({ min: 1, max: maxId }).catch(1).default(1),
});
export type listCreativesForReviewInput = z.input<typeof listCreativesForReviewInput>;

/**
 * The publisher's review queue: one review status at a time (pending by default, oldest
 * first, so nothing waits forever; approved and rejected most recently reviewed first),
 * with the count of each status for the tabs.
 */
export async function listCreativesForReview(ctx: Ctx, input: listCreativesForReviewInput = {}) {
  const actor = requireStaff(ctx.actor);
  const data = listCreativesForReviewInput.parse(input);
  const where = and(eq(creatives.publisherId, actor.publisherId), eq(creatives.reviewStatus, data.status));
  const order =
    data.status === "pending"
      ? [asc(creatives.createdAt), asc(creatives.id)]
      : [sql`${creatives.reviewedAt} desc nulls last`, desc(creatives.id)];
  const rows = await ctx.db
    .select({ creative: creatives, advertiser: { id: advertisers.id, company: advertisers.company } })
    .from(creatives)
    .innerJoin(advertisers, eq(advertisers.id, creatives.advertiserId))
    .where(where)
    .orderBy(...order)
    .limit(reviewPageSize)
    .offset((data.page - 1) * reviewPageSize);
  const totals = await ctx.db
    .select({ status: creatives.reviewStatus, n: count() })
    .from(creatives)
    .where(eq(creatives.publisherId, actor.publisherId))
    .groupBy(creatives.reviewStatus);
  const counts: Record<ReviewStatus, number> = { pending: 0, approved: 0, rejected: 0 };
  for (const row of totals) counts[row.status] = Number(row.n);
  return {
    status: data.status,
    page: data.page,
    pageSize: reviewPageSize,
    total: counts[data.status],
    counts,
    creatives: await withCreativeDetails(ctx.db, actor.publisherId, rows),
  };
}
