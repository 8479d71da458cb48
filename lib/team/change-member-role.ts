import { eq } from "drizzle-orm";
import { z } from "zod";
import { memberships } from "@/db/schema";
import { staffPermissions, staffRoles } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { Forbidden } from "@/lib/core/errors";
import { requireOwner, requireStaffAdmin } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { describeMembership } from "./describe-membership";
import { findMemberForUpdate } from "./find-member";
import { teamPageUrl } from "./team-page-url";

export const changeMemberRoleInput = z.object({
  membershipId: id(),
  role: z.enum(staffRoles, { error: "Choose a role." }),
  permissions: z.array(z.enum(staffPermissions)).default([]),
});
export type changeMemberRoleInput = z.input<typeof changeMemberRoleInput>;

/**
 * Owners and admins change what a team member may do. Only an owner makes someone an
 * owner or changes an owner, and nobody changes their own role, so a desk always keeps
 * an owner. The new role applies on the member's next request (the actor is read from
 * the database each time), and the member is told by email.
 */
export async function changeMemberRole(ctx: Ctx, input: changeMemberRoleInput) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins change team roles.");
  const data = changeMemberRoleInput.parse(input);
  if (data.role === "owner") requireOwner(actor, "Only an owner can make someone an owner.");
  return ctx.db.transaction(async (tx) => {
    const member = await findMemberForUpdate(tx, actor.publisherId, data.membershipId);
    if (member.userId === actor.userId) {
      throw new Forbidden("You cannot change your own role. Ask another owner or admin.");
    }
    if (member.role === "owner") requireOwner(actor, "Only an owner can change another owner's role.");
    const permissions = [...new Set(data.permissions)].sort();
    await tx.update(memberships).set({ role: data.role, permissions }).where(eq(memberships.id, member.id));
    const before = describeMembership(member.role, member.permissions);
    const after = describeMembership(data.role, permissions);
    if (before !== after) {
      await enqueueEmail(tx, {
        publisherId: actor.publisherId,
        to: member.email,
        subject: "Your role on AdDesk has changed",
        text:
          `Hello ${member.name},\n\nYour role changed from ${before} to ${after}.\n\n` +
          `See your team: ${teamPageUrl()}`,
      });
    }
    return { membershipId: member.id, role: data.role, permissions };
  });
}
