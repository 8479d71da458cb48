import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { invoiceStatus, ledgerKind, paymentStatus, recurringInterval, recurringStatus } from "./enums";
import { lineItems, orders } from "./orders";
import { publishers } from "./publishers";
import { users } from "./users";

/** Append-only. Amounts are positive; the kind says which way the money moves. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lineItemId: integer().references(() => lineItems.id),
    kind: ledgerKind().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    currency: varchar({ length: 3 }).notNull(),
    reference: text(),
    idempotencyKey: text(),
    reversesId: integer(),
    /** The payment a payment entry books, or a refund goes back to. */
    paymentId: integer().references((): AnyPgColumn => payments.id),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.orderId),
    index().on(t.paymentId),
    unique("ledger_idempotency").on(t.publisherId, t.idempotencyKey),
    check("ledger_amount_positive", sql`${t.amount} > 0`),
  ],
);

export const invoices = pgTable(
  "invoices",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amount: bigint({ mode: "number" }).notNull(),
    currency: varchar({ length: 3 }).notNull(),
    status: invoiceStatus().notNull().default("open"),
    dueDate: date({ mode: "string" }).notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("invoices_number_per_publisher").on(t.publisherId, t.number),
    index().on(t.orderId),
    check("invoices_amount_positive", sql`${t.amount} > 0`),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    invoiceId: integer()
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    amount: bigint({ mode: "number" }).notNull(),
    currency: varchar({ length: 3 }).notNull(),
    paymentSystem: text().notNull(),
    fee: bigint({ mode: "number" }).notNull().default(0),
    fundsCredited: bigint({ mode: "number" }).notNull(),
    oneClick: boolean().notNull().default(false),
    status: paymentStatus().notNull().default("processing"),
    /** Portion of the order this payment covers, in basis points (10000 = 100%). */
    paymentBasisPoints: integer().notNull().default(10000),
    comment: text(),
    /** The day the money arrived, as the desk recorded it (a calendar day in the publisher's zone). */
    receivedOn: date({ mode: "string" }),
    idempotencyKey: text(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.invoiceId),
    index().on(t.publisherId, t.createdAt.desc()),
    unique("payments_idempotency").on(t.publisherId, t.idempotencyKey),
  ],
);

export const recurringSchedules = pgTable(
  "recurring_schedules",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    templateOrderId: integer()
      .notNull()
      .references(() => orders.id),
    interval: recurringInterval().notNull().default("monthly"),
    paymentsTotal: integer().notNull(),
    paymentsRemaining: integer().notNull(),
    nextPaymentAt: timestamp({ withTimezone: true }),
    status: recurringStatus().notNull().default("active"),
    attempts: integer().notNull().default(0),
    retryIntervalHours: integer().notNull().default(24),
    /**
     * The provider's saved payment method the schedule charges (for the built-in test
     * provider, one of its test card numbers; a real provider stores its own token here).
     */
    paymentMethod: text(),
    /** Why the last charge did not go through, shown beside a schedule that is retrying or failed. */
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.publisherId, t.status),
    check("recurring_remaining_within_total", sql`${t.paymentsRemaining} between 0 and ${t.paymentsTotal}`),
  ],
);

export const salesConfirmations = pgTable(
  "sales_confirmations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /**
     * The sale (a completed payment) this confirms; one row per payment. Rows without one
     * are order-level confirmations from before payments were confirmed one by one.
     */
    paymentId: integer()
      .unique()
      .references(() => payments.id, { onDelete: "cascade" }),
    /** Null means a system (automatic) sale. */
    managerUserId: integer().references(() => users.id),
    confirmedBy: integer().references(() => users.id),
    confirmedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.publisherId), index().on(t.orderId)],
);
