import type { lineItemStatus, orderStatus, PricingModel } from "@/db/schema/enums";
import type { ActorRole } from "@/lib/core/actor";
import type { LedgerSums } from "@/lib/money/owed";

export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type LineItemStatus = (typeof lineItemStatus.enumValues)[number];
export type { PricingModel };

/** Who paused an order or line item: an advertiser may resume only what they paused. */
export type PausedBy = "advertiser" | "publisher";

export type LineItemSnapshot = {
  id: number;
  status: LineItemStatus;
  model: PricingModel;
  quantity: number;
  delivered: number;
  /** Minor units, integer. */
  amount: number;
  reserved: boolean;
  /** Cannot start yet (no approved creative, unpaid prepayment, start date ahead): starting skips it. */
  blocked?: boolean;
  pausedBy?: PausedBy | null;
};

export type OrderSnapshot = {
  status: OrderStatus;
  statusBeforeArchive: OrderStatus | null;
  /** Who paused the order, while it is paused. */
  pausedBy?: PausedBy | null;
  /** The order's start date has been reached. */
  started: boolean;
  /** Publisher setting: advertisers may pause and resume their own orders. */
  advertiserMayPause: boolean;
  /** A draft the publisher's team sent is waiting for the advertiser's answer. */
  draftWaiting?: boolean;
  /** The order's ledger: credit notes never exceed what was charged, refunds what is owed. */
  money: LedgerSums;
  lineItems: LineItemSnapshot[];
};

export type MachineActor = {
  role: ActorRole;
  /** The actor is the advertiser of this order. */
  ownsOrder: boolean;
  permissions: string[];
};

export type NotifyTemplate =
  | "order_submitted"
  | "quote_requested"
  | "quote_sent"
  | "quote_request_declined"
  | "quote_accepted"
  | "quote_declined"
  | "quote_expired"
  | "order_approved"
  | "order_rejected"
  | "order_started"
  | "order_paused"
  | "order_resumed"
  | "order_completed"
  | "order_canceled"
  | "order_refunded"
  | "line_item_paused"
  | "line_item_resumed"
  | "line_item_canceled";

/** What the calling verb must carry out, in order, inside its transaction. */
export type Effect =
  | { type: "reserve"; lineItemIds: number[] }
  | { type: "release"; lineItemIds: number[] }
  | { type: "charge"; amount: number }
  | { type: "creditNote"; lineItemId: number; amount: number }
  | { type: "refund"; amount: number }
  | { type: "notify"; to: "advertiser" | "staff"; template: NotifyTemplate }
  | { type: "startDelivery"; lineItemIds: number[] }
  | { type: "pauseDelivery"; lineItemIds: number[] };

export type RefusalCode = "not_allowed_from_status" | "forbidden" | "invalid";
export type Refusal = { ok: false; code: RefusalCode; message: string };

export function refuse(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}
