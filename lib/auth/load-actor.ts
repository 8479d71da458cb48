import { and, asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, advertiserUsers, memberships, users } from "@/db/schema";
import type { Actor, StaffPermission } from "@/lib/core/actor";

/** What a session cookie claims: who, and the session version it was issued with. */
export type SessionClaims = { userId: number; sessionVersion: number };

/**
 * Builds the actor for a signed-in user from the database on every request, so a
 * changed role or a removed membership takes effect at once, and a session ended by
 * endSessions (its version is older than the user's) reads as signed out. Staff
 * membership wins over an advertiser login for the same person.
 */
export async function loadActor(
  db: Queryable,
  { userId, sessionVersion }: SessionClaims,
): Promise<Actor | null> {
  const [current] = await db
    .select({ membership: memberships })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
    .orderBy(asc(memberships.id))
    .limit(1);
  if (!current) return null;
  const { membership } = current;
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
    .where(and(eq(advertiserUsers.userId, userId), isNull(advertiserUsers.deactivatedAt)))
    .orderBy(asc(advertisers.id))
    .limit(1);
  if (link) return { kind: "advertiser", userId, ...link };
  return null;
}
