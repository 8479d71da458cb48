import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { invitations, memberships, publishers, users } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import { email } from "@/lib/auth/schemas";
import { staffPermissions, staffRoles } from "@/lib/core/actor";
import type { Ctx } from "@/lib/core/context";
import { appUrl } from "@/lib/core/env";
import { Conflict, Forbidden } from "@/lib/core/errors";
import { requireStaffAdmin } from "@/lib/core/require-actor";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatDate } from "@/lib/format";

export const inviteStaffInput = z.object({
  email,
  role: z.enum(staffRoles, { error: "Choose a role." }),
  permissions: z.array(z.enum(staffPermissions)).default([]),
});
export type inviteStaffInput = z.input<typeof inviteStaffInput>;

export const invitationDays = 7;

/**
 * Owners and admins invite staff; only an owner may invite another owner. The link goes
 * only into the email: it is never returned, so no staff screen ever holds it.
 */
export async function inviteStaff(ctx: Ctx, input: inviteStaffInput) {
  const actor = requireStaffAdmin(ctx.actor, "Only owners and admins invite people to the team.");
  const data = inviteStaffInput.parse(input);
  if (data.role === "owner" && actor.role !== "owner") {
    throw new Forbidden("Only an owner can invite another owner.");
  }
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
    const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, actor.publisherId));
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
    const link = `${appUrl()}/invite/${token}`;
    const expires = formatDate(expiresAt, publisher.timezone, { withTime: true, showTimeZone: true });
    await enqueueEmail(tx, {
      kind: "invitation",
      publisherId: actor.publisherId,
      to: data.email,
      subject: `You are invited to ${publisher.name} on AdDesk`,
      text:
        `You have been invited to join ${publisher.name} as ${data.role.replace("_", " ")}.\n\n` +
        `Accept within ${invitationDays} days (until ${expires}): ${link}\n\n` +
        `The link works once, for ${data.email} only. Do not forward it.`,
    });
    return { invitationId: invitation.id, expiresAt };
  });
}
