import type { Queryable } from "@/db";
import { outboxEmails } from "@/db/schema";

export type OutgoingEmail = {
  /** "invitation" and "password_reset" carry a secret link: only owners and admins see them, masked. */
  kind?: (typeof outboxEmails.$inferInsert)["kind"];
  publisherId: number | null;
  orderId?: number | null;
  to: string;
  subject: string;
  text: string;
};

/**
 * Emails are written to the outbox in the caller's transaction, so a notification
 * exists exactly when the change it announces was committed.
 */
export async function enqueueEmail(db: Queryable, email: OutgoingEmail) {
  const [row] = await db
    .insert(outboxEmails)
    .values({ ...email, orderId: email.orderId ?? null })
    .returning({ id: outboxEmails.id });
  return row;
}
