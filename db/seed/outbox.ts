import { calendarDayIn } from "@/lib/core/days";
import { type AdvertiserSpec, advertiserContactEmail, type PublisherSpec, staffEmail } from "./catalog";
import { addMinutes } from "./dates";
import type { InvoicePlan } from "./money";
import type { OrderPlan } from "./types";

export type OutboxPlan = {
  publisher: number;
  order: number | null;
  to: string;
  subject: string;
  text: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount / 100);

/** A few notifications of each kind, so the staff mail view has something to show. */
export function planOutbox(
  publisher: PublisherSpec,
  publisherIndex: number,
  orders: OrderPlan[],
  invoices: InvoicePlan[],
): OutboxPlan[] {
  const mine = orders
    .map((order, index) => ({ order, index }))
    .filter(({ order }) => order.publisher === publisherIndex);
  const advertiserOf = (order: OrderPlan): AdvertiserSpec => publisher.advertisers[order.advertiser];
  const out: OutboxPlan[] = [];
  const sent = (at: Date) => ({
    status: "sent" as const,
    attempts: 1,
    lastError: null,
    sentAt: addMinutes(at, 1),
  });

  for (const { order, index } of mine.filter(({ order }) => order.status === "pending_review").slice(0, 3)) {
    const at = order.events[order.events.length - 1].at;
    out.push({
      publisher: publisherIndex,
      order: index,
      to: staffEmail(publisher, "owner"),
      subject: `New order to review: ${order.name}`,
      text: `${advertiserOf(order).company} submitted "${order.name}" (${money(order.total, publisher.currency)}). Please review it within ${publisher.approvalWindowDays} days.`,
      status: "pending",
      attempts: 0,
      lastError: null,
      sentAt: null,
      createdAt: at,
    });
  }
  for (const { order, index } of mine
    .filter(({ order }) => order.source === "self_serve" && order.approvedAt)
    .slice(0, 3)) {
    const at = order.approvedAt as Date;
    out.push({
      publisher: publisherIndex,
      order: index,
      to: order.advertiserUser,
      subject: `Your order "${order.name}" was approved`,
      text: `Good news: ${publisher.name} approved "${order.name}". It starts on ${order.startDate}.`,
      ...sent(at),
      createdAt: at,
    });
  }
  for (const { order, index } of mine.filter(({ order }) => order.quote?.status === "sent").slice(0, 2)) {
    const quote = order.quote;
    if (!quote) continue;
    out.push({
      publisher: publisherIndex,
      order: index,
      to: order.advertiserUser,
      subject: `Your quote for "${order.name}" is ready`,
      text: `${publisher.name} quoted ${money(quote.price, publisher.currency)} for "${order.name}". The quote is valid until ${calendarDayIn(quote.expiresAt, "UTC")}.`,
      ...sent(quote.createdAt),
      createdAt: quote.createdAt,
    });
  }
  for (const invoice of invoices.slice(-3)) {
    const order = orders[invoice.order];
    out.push({
      publisher: publisherIndex,
      order: invoice.order,
      to: advertiserContactEmail(advertiserOf(order)),
      subject: `Invoice ${invoice.number} from ${publisher.name}`,
      text: `Invoice ${invoice.number} for "${order.name}": ${money(invoice.amount, publisher.currency)}, due ${invoice.dueDate}.`,
      ...sent(invoice.issuedAt),
      createdAt: invoice.issuedAt,
    });
  }
  const rejected = mine.find(({ order }) => order.status === "rejected");
  if (rejected) {
    const at = rejected.order.events[rejected.order.events.length - 1].at;
    out.push({
      publisher: publisherIndex,
      order: rejected.index,
      to: rejected.order.advertiserUser,
      subject: `Your order "${rejected.order.name}" was not approved`,
      text: `${publisher.name} could not accept "${rejected.order.name}". Reply to this email for details.`,
      status: "failed",
      attempts: 3,
      lastError: "550 5.1.1 mailbox unavailable",
      sentAt: null,
      createdAt: at,
    });
  }
  return out;
}
