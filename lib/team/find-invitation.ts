import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db";
import { invitations, publishers } from "@/db/schema";
import { hashToken } from "./invitation-token";

/** An open (unused, unexpired) invitation for a token, with its publisher's name. */
export async function findInvitation(db: Queryable, token: string, now = new Date()) {
  const [row] = await db
    .select({ invitation: invitations, publisherName: publishers.name })
    .from(invitations)
    .innerJoin(publishers, eq(publishers.id, invitations.publisherId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return row ?? null;
}
