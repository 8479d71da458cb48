import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { invitations, memberships, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaff } from "@/lib/core/require-actor";

export async function listTeam(ctx: Ctx) {
  const { publisherId } = requireStaff(ctx.actor);
  const [members, pending] = await Promise.all([
    ctx.db
      .select({
        id: memberships.id,
        userId: memberships.userId,
        name: users.name,
        email: users.email,
        role: memberships.role,
        permissions: memberships.permissions,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.publisherId, publisherId))
      .orderBy(asc(users.name)),
    ctx.db
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.publisherId, publisherId),
          isNull(invitations.acceptedAt),
          isNull(invitations.advertiserId),
        ),
      )
      .orderBy(desc(invitations.createdAt)),
  ]);
  return { members, pending };
}
