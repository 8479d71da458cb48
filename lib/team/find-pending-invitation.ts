import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { invitations } from "@/db/schema";
import { NotFound } from "@/lib/core/errors";

/** A not-yet-accepted invitation of this publisher, locked. */
export async function findPendingInvitation(tx: Queryable, publisherId: number, invitationId: number) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.publisherId, publisherId),
        isNull(invitations.acceptedAt),
      ),
    )
    .for("update");
  if (!invitation) throw new NotFound("That invitation");
  return invitation;
}
