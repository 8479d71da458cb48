import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { invitations } from "@/db/schema";
import type { StaffActor } from "@/lib/core/actor";
import { NotFound } from "@/lib/core/errors";
import { requireOwner, requireStaffAdmin, requireStaffWriter } from "@/lib/core/require-actor";

/**
 * A not-yet-accepted invitation of the actor's publisher, locked, once the actor may
 * manage it: owners and admins manage team invitations (only owners an owner's), and
 * anyone who may write manages invitations to an advertiser's portal account.
 */
export async function findPendingInvitation(tx: Queryable, actor: StaffActor, invitationId: number) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.publisherId, actor.publisherId),
        isNull(invitations.acceptedAt),
      ),
    )
    .for("update");
  if (!invitation) throw new NotFound("That invitation");
  if (invitation.advertiserId !== null) {
    requireStaffWriter(actor, "Only owners, admins and sales managers manage advertiser invitations.");
  } else {
    requireStaffAdmin(actor, "Only owners and admins manage team invitations.");
    if (invitation.role === "owner") requireOwner(actor, "Only an owner can manage an owner's invitation.");
  }
  return invitation;
}
