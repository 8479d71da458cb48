import type { NotifyTemplate } from "./types";

type Facts = {
  /** Who the email greets. */
  recipientName: string;
  /** The absolute address of the order for this recipient: the desk for staff, the portal for advertisers. */
  link: string;
  orderId: number;
  orderName: string;
  publisherName: string;
  advertiserName: string;
  reason?: string;
};

/** What the link at the end asks the reader to do, where there is something to do. */
const callsToAction: Partial<Record<NotifyTemplate, string>> = {
  order_submitted: "Review it",
  quote_requested: "Send a quote",
  quote_sent: "Accept or decline it",
};

/**
 * Subject and body of each order notification: a greeting, what happened, and a direct
 * link to the order. Plain text, so every mail client shows it alike.
 */
export function notificationText(template: NotifyTemplate, f: Facts): { subject: string; text: string } {
  const order = `order #${f.orderId} "${f.orderName}"`;
  const lines: Record<NotifyTemplate, [string, string]> = {
    order_submitted: [`New order to review: ${f.orderName}`, `${f.advertiserName} submitted ${order}.`],
    quote_requested: [
      `Quote requested: ${f.orderName}`,
      `${f.advertiserName} asked for a quote for ${order}.`,
    ],
    quote_sent: [`Your quote is ready: ${f.orderName}`, `${f.publisherName} sent a quote for ${order}.`],
    quote_request_declined: [
      `Quote request declined: ${f.orderName}`,
      `${f.publisherName} declined to quote ${order}.`,
    ],
    quote_accepted: [
      `Quote accepted: ${f.orderName}`,
      `${f.advertiserName} accepted the quote for ${order}.`,
    ],
    quote_declined: [
      `Quote declined: ${f.orderName}`,
      `${f.advertiserName} declined the quote for ${order}.`,
    ],
    quote_expired: [
      `Quote expired: ${f.orderName}`,
      `The quote for ${order} expired before it was accepted.`,
    ],
    order_approved: [
      `Order approved: ${f.orderName}`,
      `${f.publisherName} approved ${order}. Your inventory is reserved.`,
    ],
    order_rejected: [`Order not accepted: ${f.orderName}`, `${f.publisherName} could not accept ${order}.`],
    order_started: [`Your campaign is live: ${f.orderName}`, `${order} started delivering.`],
    order_paused: [`Order paused: ${f.orderName}`, `${order} was paused.`],
    order_resumed: [`Order resumed: ${f.orderName}`, `${order} was resumed.`],
    order_completed: [`Order completed: ${f.orderName}`, `${order} finished delivering.`],
    order_canceled: [
      `Order canceled: ${f.orderName}`,
      `${order} was canceled. Whatever was charged and not delivered is credited to the order's balance.`,
    ],
    order_refunded: [`Refund issued: ${f.orderName}`, `A refund was recorded for ${order}.`],
    line_item_paused: [`Line item paused: ${f.orderName}`, `A line item of ${order} was paused.`],
    line_item_resumed: [`Line item resumed: ${f.orderName}`, `A line item of ${order} was resumed.`],
    line_item_canceled: [
      `Line item canceled: ${f.orderName}`,
      `A line item of ${order} was canceled. Whatever was charged for it and not delivered is credited to the order's balance.`,
    ],
  };
  const [subject, body] = lines[template];
  const reason = f.reason ? `\n\nReason: ${f.reason}` : "";
  const cta = callsToAction[template] ?? "Open the order";
  return { subject, text: `Hi ${f.recipientName},\n\n${body}${reason}\n\n${cta}: ${f.link}` };
}
