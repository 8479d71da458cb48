import { pgEnum } from "drizzle-orm/pg-core";

export const staffRole = pgEnum("staff_role", ["owner", "admin", "sales_manager", "viewer"]);
export const pricingModel = pgEnum("pricing_model", ["cpm", "cpc", "cpd"]);
export type PricingModel = (typeof pricingModel.enumValues)[number];
export const orderSource = pgEnum("order_source", ["manual", "self_serve", "api", "recurring"]);
export const orderStatus = pgEnum("order_status", [
  "draft",
  "quote_requested",
  "quoted",
  "pending_review",
  "approved",
  "live",
  "paused",
  "completed",
  "canceled",
  "rejected",
  "archived",
]);
export const lineItemStatus = pgEnum("line_item_status", [
  "pending",
  "ready",
  "delivering",
  "paused",
  "completed",
  "canceled",
]);
export const priority = pgEnum("priority", ["very_low", "low", "normal", "high", "very_high", "exclusive"]);
export const creativeKind = pgEnum("creative_kind", ["image", "html", "text"]);
export const reviewStatus = pgEnum("review_status", ["pending", "approved", "rejected"]);
export const deliverySource = pgEnum("delivery_source", ["pixel", "click", "manual", "import"]);
export const ledgerKind = pgEnum("ledger_kind", [
  "charge",
  "discount",
  "payment",
  "refund",
  "credit_note",
  "adjustment",
]);
export const invoiceStatus = pgEnum("invoice_status", ["open", "paid", "void", "partially_paid"]);
export const paymentStatus = pgEnum("payment_status", ["processing", "completed", "declined", "refunded"]);
export const recurringStatus = pgEnum("recurring_status", [
  "active",
  "paused",
  "processing",
  "completed",
  "failed",
]);
export const recurringInterval = pgEnum("recurring_interval", ["weekly", "monthly", "quarterly", "yearly"]);
export const quoteStatus = pgEnum("quote_status", ["sent", "accepted", "declined", "expired"]);
export const actorKind = pgEnum("actor_kind", ["user", "system", "api"]);
/** "sending": claimed by one sender (see outbox_emails.claim_token) and being handed to SMTP outside any transaction. */
export const emailStatus = pgEnum("email_status", ["pending", "sending", "sent", "failed"]);
/** Emails that carry a sign-in secret (a link that grants access) are kinds of their own, shown only to owners and admins. */
export const emailKind = pgEnum("email_kind", ["notification", "invitation", "password_reset"]);
export const jobStatus = pgEnum("job_status", ["pending", "running", "done", "failed"]);
