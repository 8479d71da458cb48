import { eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, publishers } from "@/db/schema";
import type { StaffRole } from "@/lib/core/actor";
import { appUrl } from "@/lib/core/env";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatDate } from "@/lib/format";

export const invitationDays = 7;

type InvitationEmail = {
  publisherId: number;
  email: string;
  /** A staff invitation's role, or null when `advertiserId` invites to an advertiser's portal account. */
  role: StaffRole | null;
  advertiserId?: number | null;
  token: string;
  expiresAt: Date;
};

/**
 * Puts the invitation email in the outbox. The link carries the token, so it exists
 * only in this email: sending again (resend) means a new token, and the old link dies.
 */
export async function emailInvitation(tx: Queryable, invitation: InvitationEmail) {
  const [publisher] = await tx.select().from(publishers).where(eq(publishers.id, invitation.publisherId));
  const [advertiser] = invitation.advertiserId
    ? await tx.select().from(advertisers).where(eq(advertisers.id, invitation.advertiserId))
    : [];
  const joining = advertiser
    ? `book and follow ${advertiser.company}'s campaigns on ${publisher.name}'s advertising portal`
    : `join ${publisher.name} as ${invitation.role?.replace("_", " ")}`;
  const link = `${appUrl()}/invite/${invitation.token}`;
  const expires = formatDate(invitation.expiresAt, publisher.timezone, {
    withTime: true,
    showTimeZone: true,
  });
  await enqueueEmail(tx, {
    kind: "invitation",
    publisherId: invitation.publisherId,
    to: invitation.email,
    subject: advertiser
      ? `You are invited to ${advertiser.company}'s account with ${publisher.name}`
      : `You are invited to ${publisher.name} on AdDesk`,
    text:
      `Hello,\n\nYou have been invited to ${joining}.\n\n` +
      `Accept within ${invitationDays} days (until ${expires}): ${link}\n\n` +
      `The link works once, for ${invitation.email} only. Do not forward it.`,
  });
}
