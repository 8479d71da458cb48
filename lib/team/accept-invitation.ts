import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { invitations, memberships, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/hash-password";
import { newPassword } from "@/lib/auth/schemas";
import { text } from "@/lib/core/validation";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { findInvitation } from "./find-invitation";

export const acceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  name: text({ min: 2, max: 200, required: "Enter your name." }),
  password: newPassword,
});
export type acceptInvitationInput = z.infer<typeof acceptInvitationInput>;

/**
 * Joins the team. A new person gets an account; someone who already has one proves
 * it with their current password instead of choosing a new one.
 */
export async function acceptInvitation(db: Queryable, input: acceptInvitationInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const found = await findInvitation(tx, input.token, now);
    if (!found) throw new NotFound("This invitation (it may have expired or been used already)");
    const { invitation } = found;
    const [existing] = await tx.select().from(users).where(eq(users.email, invitation.email));
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
    const inserted = await tx
      .insert(memberships)
      .values({
        userId,
        publisherId: invitation.publisherId,
        role: invitation.role,
        permissions: invitation.permissions,
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (inserted.length === 0) throw new Conflict("You are already on this team.");
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
    return { userId, email: invitation.email, publisherId: invitation.publisherId };
  });
}
