import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, advertiserUsers, memberships } from "@/db/schema";
import type { Actor, StaffPermission } from "@/lib/core/actor";

/**
 * Builds the actor for a signed-in user from the database on every request, so a
 * changed role or a removed membership takes effect at once. Staff membership wins
 * over an advertiser login for the same person.
 */
export async function loadActor(db: Queryable, userId: number): Promise<Actor | null> {
  const [membership] = await db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.id))
    .limit(1);
  if (membership) {
    return {
      kind: "staff",
      userId,
      publisherId: membership.publisherId,
      role: membership.role,
      permissions: membership.permissions as StaffPermission[],
    };
  }
  const [link] = await db
    .select({ advertiserId: advertisers.id, publisherId: advertisers.publisherId })
    .from(advertiserUsers)
    .innerJoin(advertisers, eq(advertisers.id, advertiserUsers.advertiserId))
    .where(eq(advertiserUsers.userId, userId))
    .orderBy(asc(advertisers.id))
    .limit(1);
  if (link) return { kind: "advertiser", userId, ...link };
  return null;
}
