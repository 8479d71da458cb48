import { and, asc, eq, inArray } from "drizzle-orm";
import { advertisers, memberships, properties, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";

/** A select of thousands of companies helps nobody; past this, search by company instead. */
export const advertiserOptionLimit = 500;

/** The choices of the list's Advertiser, Property and Sales manager filters, for this publisher only. */
export async function orderListFilterOptions(ctx: Ctx, selected: { advertiserId?: number } = {}) {
  const actor = requireStaff(ctx.actor, "Only the publisher's team can see the orders desk.");
  const publisherId = actor.publisherId;
  const [advertiserRows, propertyRows, managerRows] = await Promise.all([
    ctx.db
      .select({ id: advertisers.id, label: advertisers.company })
      .from(advertisers)
      .where(eq(advertisers.publisherId, publisherId))
      .orderBy(asc(advertisers.company), asc(advertisers.id))
      .limit(advertiserOptionLimit),
    ctx.db
      .select({ id: properties.id, label: properties.name })
      .from(properties)
      .where(eq(properties.publisherId, publisherId))
      .orderBy(asc(properties.name), asc(properties.id)),
    ctx.db
      .select({ id: users.id, label: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.publisherId, publisherId),
          inArray(memberships.role, ["owner", "admin", "sales_manager"]),
        ),
      )
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  // The advertiser being filtered on stays selectable even when it sorts past the limit.
  const chosen = selected.advertiserId;
  if (chosen && !advertiserRows.some((a) => a.id === chosen)) {
    const [row] = await ctx.db
      .select({ id: advertisers.id, label: advertisers.company })
      .from(advertisers)
      .where(and(eq(advertisers.id, chosen), eq(advertisers.publisherId, publisherId)));
    if (row) advertiserRows.push(row);
  }
  const options = (rows: { id: number; label: string }[]) =>
    rows.map((r) => ({ value: String(r.id), label: r.label }));
  return {
    advertisers: options(advertiserRows),
    advertisersTruncated: advertiserRows.length >= advertiserOptionLimit,
    properties: options(propertyRows),
    salesManagers: options(managerRows),
  };
}
