import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { advertisers, advertiserUsers, invitations, users } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import { email } from "@/lib/auth/schemas";
import type { Ctx } from "@/lib/core/context";
import { Conflict, NotFound } from "@/lib/core/errors";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { emailInvitation, invitationDays } from "@/lib/team/email-invitation";

export const inviteAdvertiserUserInput = z.object({ advertiserId: id(), email });
export type inviteAdvertiserUserInput = z.input<typeof inviteAdvertiserUserInput>;

/**
 * Invites someone at an advertiser to its portal account (book, upload creatives, follow
 * delivery). Same single-use, emailed, 7-day link as team invitations; accepting links
 * their account (new or existing) to this advertiser.
 */
export async function inviteAdvertiserUser(ctx: Ctx, input: inviteAdvertiserUserInput) {
  const actor = requireStaffWriter(
    ctx.actor,
    "Only owners, admins and sales managers invite advertisers' people.",
  );
  const data = inviteAdvertiserUserInput.parse(input);
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + invitationDays * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    const [advertiser] = await tx
      .select({ id: advertisers.id })
      .from(advertisers)
      .where(and(eq(advertisers.id, data.advertiserId), eq(advertisers.publisherId, actor.publisherId)));
    if (!advertiser) throw new NotFound("That advertiser");
    const [linked] = await tx
      .select({ userId: advertiserUsers.userId })
      .from(advertiserUsers)
      .innerJoin(users, eq(users.id, advertiserUsers.userId))
      .where(and(eq(advertiserUsers.advertiserId, advertiser.id), eq(users.email, data.email)));
    if (linked) {
      throw new Conflict("This person already uses this advertiser's account.", {
        email: ["Already uses this advertiser's account."],
      });
    }
    const [invitation] = await tx
      .insert(invitations)
      .values({
        publisherId: actor.publisherId,
        advertiserId: advertiser.id,
        email: data.email,
        role: null,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    await emailInvitation(tx, {
      publisherId: actor.publisherId,
      advertiserId: advertiser.id,
      email: data.email,
      role: null,
      token,
      expiresAt,
    });
    return { invitationId: invitation.id, email: data.email };
  });
}
