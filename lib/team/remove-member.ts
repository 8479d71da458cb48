import { eq } from "drizzle-orm";
import { z } from "zod";
import { memberships, publishers } from "@/db/schema";
import { endSessions } from "@/lib/auth/end-sessions";
import type { Ctx } from "@/lib/core/context";
import { Forbidden } from "@/lib/core/errors";
import { requireOwner, requireStaffAdmin } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { findMemberForUpdate } from "./find-member";

export const removeMemberInput = z.object({ membershipId: id() });
export type removeMemberInput = z.input<typeof removeMemberInput>;

/**
 * Takes someone off the team: the membership goes and every session of theirs ends in
 * the same transaction, so an open tab stops working on its next request. Their orders,
 * events and messages keep their name. Only an owner removes an owner; nobody removes
 * themselves here (the desk would lose its last owner).
 */
export async function removeMember(ctx: Ctx, input: removeMemberInput) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins remove team members.");
  const data = removeMemberInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const member = await findMemberForUpdate(tx, actor.publisherId, data.membershipId);
    if (member.userId === actor.userId) {
      throw new Forbidden("You cannot remove yourself. Ask another owner or admin.");
    }
    if (member.role === "owner") requireOwner(actor, "Only an owner can remove another owner.");
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    await endSessions(tx, member.userId);
    const [publisher] = await tx
      .select({ name: publishers.name })
      .from(publishers)
      .where(eq(publishers.id, actor.publisherId));
    await enqueueEmail(tx, {
      publisherId: actor.publisherId,
      to: member.email,
      subject: `You were removed from ${publisher.name} on AdDesk`,
      text:
        `Hello ${member.name},\n\nYou are no longer on ${publisher.name}'s team, and you have been signed out. ` +
        "If this is a mistake, ask one of its owners to invite you again.",
    });
    return { membershipId: member.id, name: member.name };
  });
}
