import { eq } from "drizzle-orm";
import { z } from "zod";
import { invitations } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { emailInvitation, invitationDays } from "./email-invitation";
import { findPendingInvitation } from "./find-pending-invitation";

export const resendInvitationInput = z.object({ invitationId: id() });
export type resendInvitationInput = z.input<typeof resendInvitationInput>;

/**
 * Sends a pending invitation again with a fresh link and a fresh week: the old link
 * stops working (only the new token's hash is kept), so a lost or leaked email is
 * replaced, not duplicated.
 */
export async function resendInvitation(ctx: Ctx, input: resendInvitationInput) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers manage invitations.");
  const data = resendInvitationInput.parse(input);
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + invitationDays * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    const invitation = await findPendingInvitation(tx, actor, data.invitationId);
    await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), expiresAt, invitedBy: actor.userId })
      .where(eq(invitations.id, invitation.id));
    await emailInvitation(tx, { ...invitation, token, expiresAt });
    return { invitationId: invitation.id, email: invitation.email, expiresAt };
  });
}
