import type { Queryable } from "@/db";

import { messageRecipients } from "@/lib/messages/message-recipients";
import type { NotificationCategory } from "@/lib/notifications/categories";
import { sendOrderEmail } from "@/lib/notifications/send-order-email";
import type { LoadedOrder } from "@/lib/orders/get-order-for-actor";
import { orderLink } from "@/lib/orders/notify-order-party";

/** Emails one side of the order about a feedback round (or a change request), ending with the link to that side's order page. */
export async function notifyByEmail(
  db: Queryable,
  loaded: LoadedOrder,
  to: "advertiser" | "staff",
  email: { subject: string; lines: string[] },
  anchor = "feedback",
  category: NotificationCategory = "feedback",
) {
  // The author side is the other one; the system user id 0 never matches a recipient.
  const { recipients } = await messageRecipients(
    db,
    loaded,
    { kind: to === "advertiser" ? "staff" : "advertiser", userId: 0 },
    false,
  );
  for (const recipient of recipients) {
    await sendOrderEmail(db, {
      side: to,
      category,
      publisherId: loaded.order.publisherId,
      orderId: loaded.order.id,
      to: recipient.email,
      subject: email.subject,
      text: [
        `Hello ${recipient.name},`,
        "",
        ...email.lines,
        `${orderLink(to, loaded.order.id)}#${anchor}`,
      ].join("\n"),
    });
  }
}
