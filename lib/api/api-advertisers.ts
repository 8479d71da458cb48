import { and, asc, count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { advertisers } from "@/db/schema";
import type { ApiActor } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { NotFound } from "@/lib/core/errors";
import type { ApiAdvertiser, listPageQuery } from "./schemas";

type ApiCtx = Ctx & { actor: ApiActor };

// Spelled out: inside a subquery drizzle would leave "id" unqualified, and it would mean the order's.
const orderCount = sql<number>`(select count(*)::int from orders o where o.advertiser_id = "advertisers"."id" and o.publisher_id = "advertisers"."publisher_id")`;

function selectAdvertisers(ctx: ApiCtx) {
  return ctx.db.select({ advertiser: advertisers, orders: orderCount }).from(advertisers).$dynamic();
}

/** One mapping for both formats: an advertiser as the API shows it. */
function toApiAdvertiser(row: {
  advertiser: typeof advertisers.$inferSelect;
  orders: number;
}): ApiAdvertiser {
  const { advertiser } = row;
  return {
    id: String(advertiser.id),
    name: advertiser.company,
    contact_name: advertiser.contactName,
    contact_email: advertiser.contactEmail,
    phone: advertiser.phone,
    orders: Number(row.orders),
    created_date: advertiser.createdAt.toISOString().slice(0, 19),
  };
}

/** A page of the key's publisher's advertisers, by id (pages never shift as advertisers are added). */
export async function listApiAdvertisers(ctx: ApiCtx, query: z.output<typeof listPageQuery>) {
  const where = eq(advertisers.publisherId, ctx.actor.publisherId);
  const [{ total }] = await ctx.db.select({ total: count() }).from(advertisers).where(where);
  const rows = await selectAdvertisers(ctx)
    .where(where)
    .orderBy(asc(advertisers.id))
    .limit(query.pagesize)
    .offset((query.page - 1) * query.pagesize);
  return { total, page: query.page, pagesize: query.pagesize, items: rows.map(toApiAdvertiser) };
}

/** One advertiser of the key's publisher; another publisher's is not found, as if it did not exist. */
export async function getApiAdvertiser(ctx: ApiCtx, advertiserId: number) {
  const [row] = await selectAdvertisers(ctx).where(
    and(eq(advertisers.publisherId, ctx.actor.publisherId), eq(advertisers.id, advertiserId)),
  );
  if (!row) throw new NotFound(`Advertiser ${advertiserId}`);
  return toApiAdvertiser(row);
}
