import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { publishers } from "@/db/schema";
import type { StaffRole } from "@/lib/core/actor";
import { appUrl } from "@/lib/core/env";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatDate } from "@/lib/format";

export const invitationDays = 7;

type InvitationEmail = {
  publisherId: number;
  email: string;
  role: StaffRole;
  token: string;
  expiresAt: Date;
};

/**
 * Puts the invitation email in the outbox. The link carries the token, so it exists
 * only in this email: sending again (resend) means a new token, and the old link dies.
 */
export async function emailInvitation(tx: Queryable, invitation: InvitationEmail) {
  const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, invitation.publisherId));
  const link = `${appUrl()}/invite/${invitation.token}`;
  const expires = formatDate(invitation.expiresAt, publisher.timezone, {
    withTime: true,
    showTimeZone: true,
  });
  await enqueueEmail(tx, {
    kind: "invitation",
    publisherId: invitation.publisherId,
    to: invitation.email,
    subject: `You are invited to ${publisher.name} on AdDesk`,
    text:
      `Hello,\n\nYou have been invited to join ${publisher.name} as ${invitation.role.replace("_", " ")}.\n\n` +
      `Accept within ${invitationDays} days (until ${expires}): ${link}\n\n` +
      `The link works once, for ${invitation.email} only. Do not forward it.`,
  });
}
