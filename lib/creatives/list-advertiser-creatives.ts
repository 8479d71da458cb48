import { and, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { advertisers, creatives } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requirePerson } from "@/lib/core/require-actor";
import { maxId, optionalId, wholeNumber } from "@/lib/core/validation";
import { withCreativeDetails } from "./creative-details";
import { advertiserScopeFor } from "./creative-permissions";

export const advertiserCreativesPageSize = 20;

export const listAdvertiserCreativesInput = z.object({
  /** Staff choose the advertiser; advertisers always see their own. */
  advertiserId: optionalId(),
  page: wholeNumber({ min: 1, max: maxId }).catch(1).default(1),
});
export type listAdvertiserCreativesInput = z.input<typeof listAdvertiserCreativesInput>;

/** One advertiser's creatives, newest first, every version with its review state. */
export async function listAdvertiserCreatives(ctx: Ctx, input: listAdvertiserCreativesInput = {}) {
  const actor = requirePerson(ctx.actor);
  const data = listAdvertiserCreativesInput.parse(input);
  const scope = await advertiserScopeFor(ctx.db, actor, data.advertiserId);
  const where = and(
    eq(creatives.publisherId, scope.publisherId),
    eq(creatives.advertiserId, scope.advertiserId),
  );
  const rows = await ctx.db
    .select({ creative: creatives, advertiser: { id: advertisers.id, company: advertisers.company } })
    .from(creatives)
    .innerJoin(advertisers, eq(advertisers.id, creatives.advertiserId))
    .where(where)
    .orderBy(desc(creatives.createdAt), desc(creatives.id))
    .limit(advertiserCreativesPageSize)
    .offset((data.page - 1) * advertiserCreativesPageSize);
  const [{ total }] = await ctx.db.select({ total: count() }).from(creatives).where(where);
  return {
    page: data.page,
    pageSize: advertiserCreativesPageSize,
    total: Number(total),
    creatives: await withCreativeDetails(ctx.db, scope.publisherId, rows),
  };
}
