import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, invitations, publishers, users } from "@/db/schema";
import { hashToken } from "@/lib/auth/one-time-token";

/**
 * An open (unused, unexpired) invitation for a token, with its publisher's name (and the
 * advertiser's company, for an advertiser user's invitation) and the
 * id of the account that already uses the invited email, if any.
 */
export async function findInvitation(db: Queryable, token: string, now = new Date()) {
  const [row] = await db
    .select({
      invitation: invitations,
      publisherName: publishers.name,
      advertiserCompany: advertisers.company,
      invitedUserId: users.id,
    })
    .from(invitations)
    .innerJoin(publishers, eq(publishers.id, invitations.publisherId))
    .leftJoin(advertisers, eq(advertisers.id, invitations.advertiserId))
    .leftJoin(users, eq(users.email, invitations.email))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return row ?? null;
}
