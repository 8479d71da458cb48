import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { actorKind, orderStatus, quoteStatus } from "./enums";
import { lineItems, orders } from "./orders";
import { publishers } from "./publishers";
import { users } from "./users";

export const quotes = pgTable(
  "quotes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    price: bigint({ mode: "number" }).notNull(),
    plan: text().notNull(),
    terms: text().notNull().default(""),
    expiresAt: timestamp({ withTimezone: true }),
    estimatedCompletion: date({ mode: "string" }),
    status: quoteStatus().notNull().default("sent"),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId)],
);

export const orderEvents = pgTable(
  "order_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    actorKind: actorKind().notNull(),
    actorUserId: integer().references(() => users.id),
    type: text().notNull(),
    fromStatus: orderStatus(),
    toStatus: orderStatus(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId, t.at)],
);

export const messages = pgTable(
  "messages",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    authorUserId: integer()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    /** A staff-only note: never shown, counted or emailed to the advertiser. */
    internal: boolean().notNull().default(false),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId, t.at)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** A message's attached file, kept in the database and written in the message's own transaction. */
export const messageAttachments = pgTable("message_attachments", {
  messageId: integer()
    .primaryKey()
    .references(() => messages.id, { onDelete: "cascade" }),
  fileName: varchar({ length: 200 }).notNull(),
  mimeType: varchar({ length: 64 }).notNull(),
  size: integer().notNull(),
  content: bytea().notNull(),
});

/** How far each person has read an order's thread: messages after this id are unread for them. */
export const messageReads = pgTable(
  "message_reads",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lastReadMessageId: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orderId] })],
);

/** A feedback round: waiting for the advertiser, then approved or sent back with changes. */
export const feedbackStatus = pgEnum("feedback_status", ["waiting", "approved", "changes_requested"]);

/**
 * A draft or proposal staff ask the advertiser to approve: text, a file, or both, for the
 * order or one line item. One round waits at a time; each answer closes its round.
 */
export const feedbackRequests = pgTable(
  "feedback_requests",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lineItemId: integer().references(() => lineItems.id, { onDelete: "cascade" }),
    round: integer().notNull(),
    body: text().notNull().default(""),
    fileName: varchar({ length: 200 }),
    mimeType: varchar({ length: 64 }),
    size: integer(),
    content: bytea(),
    status: feedbackStatus().notNull().default("waiting"),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredBy: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    answerComment: text(),
  },
  (t) => [index().on(t.orderId, t.round)],
);

/** Which side of an order wrote a review: the publisher's team or the advertiser. */
export const reviewSide = pgEnum("review_side", ["publisher", "advertiser"]);

/** After completion each side rates the collaboration once (1–5 and a comment). */
export const orderReviews = pgTable(
  "order_reviews",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    side: reviewSide().notNull(),
    rating: integer().notNull(),
    comment: text().notNull().default(""),
    authorUserId: integer()
      .notNull()
      .references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // One review per side: a second one loses to this index even when two race.
  (t) => [uniqueIndex().on(t.orderId, t.side), index().on(t.publisherId)],
);

/** Where a change request stands: open until the other side accepts, declines or counters it. */
export const changeRequestStatus = pgEnum("change_request_status", [
  "open",
  "accepted",
  "declined",
  "countered",
  "withdrawn",
]);

/**
 * A proposed change to an order (dates, quantities, countries, rate, line items added or
 * removed), made by one side and answered by the other. `baseVersion` is the order version
 * it was made against: once the order changes, the proposal is stale and cannot be accepted.
 * `proposal` holds the edits as lib/change-requests/proposal.ts parses them.
 */
export const changeRequests = pgTable(
  "change_requests",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    side: reviewSide().notNull(),
    proposedBy: integer()
      .notNull()
      .references(() => users.id),
    baseVersion: integer().notNull(),
    proposal: jsonb().$type<Record<string, unknown>>().notNull(),
    note: text().notNull().default(""),
    /** The open line items' value before and after the change, minor units, when it was proposed. */
    amountBefore: bigint({ mode: "number" }).notNull(),
    amountAfter: bigint({ mode: "number" }).notNull(),
    status: changeRequestStatus().notNull().default("open"),
    /** The proposal this one counters. */
    counterOf: integer(),
    answeredBy: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    answerComment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // One open proposal per order: a second one (even racing) loses to this index.
  (t) => [
    index().on(t.orderId, t.createdAt),
    uniqueIndex("change_requests_one_open").on(t.orderId).where(sql`status = 'open'`),
  ],
);

/**
 * Proof that an order (or one of its line items, a sponsorship say) ran: a link, a
 * screenshot or both, added by staff when completing and shown to the advertiser. The
 * screenshot follows the attachment rules (an image or a PDF, checked by its bytes).
 */
export const deliveryProofs = pgTable(
  "delivery_proofs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lineItemId: integer().references(() => lineItems.id, { onDelete: "cascade" }),
    url: text(),
    note: text().notNull().default(""),
    fileName: varchar({ length: 200 }),
    mimeType: varchar({ length: 64 }),
    size: integer(),
    content: bytea(),
    addedBy: integer()
      .notNull()
      .references(() => users.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId, t.addedAt)],
);

/**
 * What one person wants to hear about by email: categories they muted (lib/notifications
 * names them) and whether order emails come at once or gathered in a daily digest.
 * No row: everything, at once.
 */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  muted: text().array().notNull().default(sql`'{}'::text[]`),
  digest: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who gets an order's emails on each side (seed 004). When a side has rows here, only
 * those people of that side are emailed about the order; no rows: the side's usual people.
 */
export const orderRecipients = pgTable(
  "order_recipients",
  {
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    side: reviewSide().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.userId] })],
);

/** Order emails held for a person's daily digest; `sentAt` once the digest went out. */
export const digestItems = pgTable(
  "digest_items",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    publisherId: integer().references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer().references(() => orders.id, { onDelete: "set null" }),
    to: varchar({ length: 254 }).notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId, t.sentAt, t.createdAt)],
);

/** How many days after completion the advertiser is asked about results (0: never). No row: 7 days. */
export const surveySettings = pgTable("survey_settings", {
  publisherId: integer()
    .primaryKey()
    .references(() => publishers.id, { onDelete: "cascade" }),
  delayDays: integer().notNull().default(7),
});

/**
 * The metrics survey of a completed order: sent by the scheduler a set number of days after
 * completion, answered once by the advertiser (how the campaign did), read by staff.
 */
export const orderSurveys = pgTable(
  "order_surveys",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publisherId: integer()
      .notNull()
      .references(() => publishers.id, { onDelete: "cascade" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    answeredBy: integer().references(() => users.id),
    /** 1–5: how well the campaign met its goals. */
    rating: integer(),
    goalsMet: text({ enum: ["yes", "partly", "no"] }),
    /** What they measured (sales, sign-ups, clicks …), in their words. */
    results: text(),
  },
  (t) => [uniqueIndex().on(t.orderId), index().on(t.publisherId, t.answeredAt)],
);
