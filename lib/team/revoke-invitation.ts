import { eq } from "drizzle-orm";
import { z } from "zod";
import { invitations } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { requireStaffWriter } from "@/lib/core/require-actor";
import { id } from "@/lib/core/validation";
import { findPendingInvitation } from "./find-pending-invitation";

export const revokeInvitationInput = z.object({ invitationId: id() });
export type revokeInvitationInput = z.input<typeof revokeInvitationInput>;

/**
 * Withdraws an invitation that has not been accepted: the row goes, so its emailed link
 * reads as used or expired. Who may is findPendingInvitation's rule.
 */
export async function revokeInvitation(ctx: Ctx, input: revokeInvitationInput) {
  const actor = requireStaffWriter(ctx.actor, "Only owners, admins and sales managers manage invitations.");
  const data = revokeInvitationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const invitation = await findPendingInvitation(tx, actor, data.invitationId);
    await tx.delete(invitations).where(eq(invitations.id, invitation.id));
    return { invitationId: invitation.id, email: invitation.email };
  });
}
