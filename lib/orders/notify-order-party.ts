import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db";
import { advertisers, memberships, users } from "@/db/schema";
import { appUrl } from "@/lib/core/env";
import { sendOrderEmail } from "@/lib/notifications/send-order-email";
import type { LoadedOrder } from "./get-order-for-actor";

/** What the notices need: the order, its publisher and line items (a just-made order has no more). */
type OrderToNotify = Pick<LoadedOrder, "order" | "publisher" | "lineItems">;

import { notificationText } from "./notification-text";
import type { NotifyTemplate } from "./types";

/**
 * Who hears about an order on the publisher's side: its sales manager, else the addresses
 * the publisher's settings name for notifications, else the owners and admins.
 */
export async function staffRecipients(db: Queryable, loaded: OrderToNotify): Promise<Recipient[]> {
  const { order } = loaded;
  if (order.salesManagerId) {
    const [manager] = await db
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, order.salesManagerId));
    if (manager) return [manager];
  }
  if (loaded.publisher.notificationEmails.length > 0) {
    // A shared inbox (ads@…) has no one name to greet.
    return loaded.publisher.notificationEmails.map((email) => ({ email, name: "there" }));
  }
  return db
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.publisherId, order.publisherId), inArray(memberships.role, ["owner", "admin"])),
    );
}

export type Recipient = { email: string; name: string };

/** The order's page for whoever reads the email: the desk for staff, the portal for the advertiser. */
export function orderLink(to: "advertiser" | "staff", orderId: number): string {
  return `${appUrl()}/${to === "advertiser" ? "advertiser" : "publisher"}/orders/${orderId}`;
}

export async function notifyOrderParty(
  db: Queryable,
  loaded: OrderToNotify,
  to: "advertiser" | "staff",
  template: NotifyTemplate,
  reason?: string,
) {
  const [advertiser] = await db
    .select({ company: advertisers.company, email: advertisers.contactEmail, name: advertisers.contactName })
    .from(advertisers)
    .where(eq(advertisers.id, loaded.order.advertiserId));
  const recipients = to === "advertiser" ? [advertiser] : await staffRecipients(db, loaded);
  for (const recipient of recipients) {
    const { subject, text } = notificationText(template, {
      recipientName: recipient.name,
      link: orderLink(to, loaded.order.id),
      orderId: loaded.order.id,
      orderName: loaded.order.name,
      publisherName: loaded.publisher.name,
      advertiserName: advertiser.company,
      reason,
    });
    await sendOrderEmail(db, {
      side: to,
      category: "status",
      publisherId: loaded.order.publisherId,
      orderId: loaded.order.id,
      to: recipient.email,
      subject,
      text,
    });
  }
}
