import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { memberships, users } from "@/db/schema";
import { NotFound } from "@/lib/core/errors";

/**
 * One member of the publisher's team, locked for the change about to be made. Another
 * publisher's membership id reads as not found: the tenant is part of the WHERE clause.
 */
export async function findMemberForUpdate(tx: Queryable, publisherId: number, membershipId: number) {
  const [member] = await tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      permissions: memberships.permissions,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.publisherId, publisherId)))
    .for("update", { of: memberships });
  if (!member) throw new NotFound("That team member");
  return member;
}
