import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, memberships, users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { LoadedOrder } from "./get-order-for-actor";
import { notificationText } from "./notification-text";
import type { NotifyTemplate } from "./types";

/**
 * Who hears about an order on the publisher's side: its sales manager, else the addresses
 * the publisher's settings name for notifications, else the owners and admins.
 */
async function staffRecipients(db: Queryable, loaded: LoadedOrder): Promise<string[]> {
  const { order } = loaded;
  if (order.salesManagerId) {
    const [manager] = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, order.salesManagerId));
    if (manager) return [manager.email];
  }
  if (loaded.publisher.notificationEmails.length > 0) return loaded.publisher.notificationEmails;
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.publisherId, order.publisherId), inArray(memberships.role, ["owner", "admin"])),
    );
  return rows.map((r) => r.email);
}

export async function notifyOrderParty(
  db: Queryable,
  loaded: LoadedOrder,
  to: "advertiser" | "staff",
  template: NotifyTemplate,
  reason?: string,
) {
  const [advertiser] = await db
    .select({ company: advertisers.company, email: advertisers.contactEmail })
    .from(advertisers)
    .where(eq(advertisers.id, loaded.order.advertiserId));
  const recipients = to === "advertiser" ? [advertiser.email] : await staffRecipients(db, loaded);
  const { subject, text } = notificationText(template, {
    orderId: loaded.order.id,
    orderName: loaded.order.name,
    publisherName: loaded.publisher.name,
    advertiserName: advertiser.company,
    reason,
  });
  for (const recipient of recipients) {
    await enqueueEmail(db, {
      publisherId: loaded.order.publisherId,
      orderId: loaded.order.id,
      to: recipient,
      subject,
      text,
    });
  }
}
