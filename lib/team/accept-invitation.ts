import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { advertiserUsers, invitations, memberships, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/hash-password";
import { hashToken } from "@/lib/auth/one-time-token";
import { newPassword } from "@/lib/auth/schemas";
import type { PublicCtx } from "@/lib/core/context";
import { Conflict, Forbidden, Invalid } from "@/lib/core/errors";
import { text } from "@/lib/core/validation";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export const acceptInvitationInput = z.object({
  token: z.string({ error: "The invitation link is incomplete." }).min(10).max(200),
  name: text({ min: 2, max: 200, required: "Enter your name." }),
  password: newPassword,
});
export type acceptInvitationInput = z.input<typeof acceptInvitationInput>;

/**
 * Joins the team, as the invited email and nobody else. A new person gets an account
 * for that email; someone who already has one proves it with their current password.
 * The token is claimed first, in one conditional UPDATE, so it works once: concurrent
 * accepts queue on the row and all but the first find it taken. Any refusal later in
 * the transaction rolls the claim back, so the rightful person can still use the link.
 */
export async function acceptInvitation(ctx: PublicCtx, input: acceptInvitationInput) {
  const data = acceptInvitationInput.parse(input);
  // The account signed in on this browser, if any, may only accept an invitation sent to its own email.
  const signedInUserId = ctx.actor && "userId" in ctx.actor ? ctx.actor.userId : null;
  try {
    return await joinTeam(ctx.db, data, ctx.now, signedInUserId);
  } catch (error) {
    // Someone signed up with the invited email while this accept ran: the account is theirs now.
    if (isUniqueViolation(error, "users_email_unique")) {
      throw new Conflict(
        "An account with this email was just created. Open the link again and enter its password.",
      );
    }
    throw error;
  }
}

function joinTeam(
  db: Queryable,
  input: z.infer<typeof acceptInvitationInput>,
  now: Date,
  signedInUserId: number | null,
) {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(input.token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning();
    if (!invitation) {
      throw new Conflict(
        "This invitation has already been used or has expired. Ask your team's admin to send a new one.",
      );
    }
    const [existing] = await tx.select().from(users).where(eq(users.email, invitation.email));
    if (signedInUserId !== null && signedInUserId !== existing?.id) {
      throw new Forbidden(
        `This invitation is for ${invitation.email}, and you are signed in with another account. Sign out, then open the link again.`,
      );
    }
    let userId: number;
    if (existing) {
      if (!(await verifyPassword(input.password, existing.passwordHash))) {
        throw new Invalid("You already have an account: enter its password to join.", {
          password: ["Enter the password of your existing account."],
        });
      }
      userId = existing.id;
    } else {
      const [user] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          name: input.name,
          passwordHash: await hashPassword(input.password),
        })
        .returning({ id: users.id });
      userId = user.id;
    }
    if (invitation.advertiserId !== null) {
      // An advertiser user's invitation: the account joins that advertiser's portal.
      const linked = await tx
        .insert(advertiserUsers)
        .values({ advertiserId: invitation.advertiserId, userId })
        .onConflictDoNothing()
        .returning({ userId: advertiserUsers.userId });
      if (linked.length === 0) throw new Conflict("You already have access to this advertiser's account.");
      return { userId, email: invitation.email, publisherId: invitation.publisherId };
    }
    const inserted = await tx
      .insert(memberships)
      .values({
        userId,
        publisherId: invitation.publisherId,
        role: invitation.role ?? "viewer",
        permissions: invitation.permissions,
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (inserted.length === 0) throw new Conflict("You are already on this team.");
    return { userId, email: invitation.email, publisherId: invitation.publisherId };
  });
}
