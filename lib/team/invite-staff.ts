import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { invitations, memberships, users } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import { email } from "@/lib/auth/schemas";
import { staffPermissions, staffRoles } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { Conflict } from "@/lib/core/errors";
import { requireOwner, requireStaffAdmin } from "@/lib/core/require-actor";
import { emailInvitation, invitationDays } from "./email-invitation";

export const inviteStaffInput = z.object({
  email,
  role: z.enum(staffRoles, { error: "Choose a role." }),
  permissions: z.array(z.enum(staffPermissions)).default([]),
});
export type inviteStaffInput = z.input<typeof inviteStaffInput>;

/**
 * Owners and admins invite staff; only an owner may invite another owner. The link goes
 * only into the email: it is never returned, so no staff screen ever holds it.
 */
export async function inviteStaff(ctx: Ctx, input: inviteStaffInput) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins invite people to the team.");
  const data = inviteStaffInput.parse(input);
  if (data.role === "owner") requireOwner(actor, "Only an owner can invite another owner.");
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + invitationDays * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, data.email), eq(memberships.publisherId, actor.publisherId)));
    if (member) {
      throw new Conflict("This person is already on your team.", { email: ["Already on your team."] });
    }
    const [invitation] = await tx
      .insert(invitations)
      .values({
        publisherId: actor.publisherId,
        email: data.email,
        role: data.role,
        permissions: data.permissions,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    await emailInvitation(tx, { ...data, publisherId: actor.publisherId, token, expiresAt });
    return { invitationId: invitation.id, expiresAt };
  });
}
