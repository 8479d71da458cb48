import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { digestItems, notificationPreferences, orderRecipients, users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { NotificationCategory } from "./categories";

export type OrderEmail = {
  publisherId: number;
  orderId: number;
  to: string;
  subject: string;
  text: string;
  /** Which side of the order the recipient is on. */
  side: "staff" | "advertiser";
  category: NotificationCategory;
};

/**
 * The one gate for order emails, in the caller's transaction. It answers what happened:
 * - "not_recipient": the order names who gets its emails on this side, and this address is not one of them;
 * - "muted": the person turned this kind of email off;
 * - "digest": held for the person's daily digest;
 * - "sent": queued in the outbox now.
 */
export async function sendOrderEmail(
  db: Queryable,
  email: OrderEmail,
): Promise<"sent" | "digest" | "muted" | "not_recipient"> {
  const side = email.side === "staff" ? "publisher" : "advertiser";
  const chosen = await db
    .select({ userId: orderRecipients.userId })
    .from(orderRecipients)
    .where(
      and(
        eq(orderRecipients.orderId, email.orderId),
        eq(orderRecipients.publisherId, email.publisherId),
        eq(orderRecipients.side, side),
      ),
    );
  const [person] = await db
    .select({ id: users.id, muted: notificationPreferences.muted, digest: notificationPreferences.digest })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(sql`lower(${users.email}) = lower(${email.to})`);
  if (chosen.length > 0 && !chosen.some((c) => c.userId === person?.id)) return "not_recipient";
  if (person?.muted?.includes(email.category)) return "muted";
  if (person?.digest) {
    await db.insert(digestItems).values({
      userId: person.id,
      publisherId: email.publisherId,
      orderId: email.orderId,
      to: email.to,
      subject: email.subject,
      text: email.text,
    });
    return "digest";
  }
  await enqueueEmail(db, {
    publisherId: email.publisherId,
    orderId: email.orderId,
    to: email.to,
    subject: email.subject,
    text: email.text,
  });
  return "sent";
}
