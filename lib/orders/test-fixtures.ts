import type { ActorRole } from "@/lib/core/actor";
import { type LedgerSums, noMoney } from "@/lib/money/owed";
import type { LineItemSnapshot, LineItemStatus, MachineActor, OrderSnapshot, OrderStatus } from "./types";

function actor(role: ActorRole, ownsOrder = false): MachineActor {
  return { role, ownsOrder, permissions: [] };
}

export const actors = {
  owner: actor("owner"),
  admin: actor("admin"),
  sales_manager: actor("sales_manager"),
  viewer: actor("viewer"),
  advertiser: actor("advertiser", true),
  otherAdvertiser: actor("advertiser"),
  api: actor("api"),
  system: actor("system"),
} satisfies Record<string, MachineActor>;

/** The line item states an order in each status normally has. */
const lineItemStatusIn: Record<OrderStatus, LineItemStatus> = {
  draft: "pending",
  quote_requested: "pending",
  quoted: "pending",
  pending_review: "pending",
  approved: "ready",
  live: "delivering",
  paused: "paused",
  completed: "completed",
  canceled: "canceled",
  rejected: "canceled",
  archived: "canceled",
};

const holdsReservations: readonly OrderStatus[] = ["approved", "live", "paused"];

/** The three line items below total 160,000; 105,000 of it is undelivered when they end. */
const total = 160_000;
const charged: LedgerSums = { ...noMoney, charged: total };

/**
 * The ledger an order in each status normally has: charged from approval on; a canceled
 * order was paid in full and credited its undelivered value, not yet refunded.
 */
const moneyIn: Record<OrderStatus, LedgerSums> = {
  draft: noMoney,
  quote_requested: noMoney,
  quoted: noMoney,
  pending_review: noMoney,
  approved: charged,
  live: charged,
  paused: charged,
  completed: charged,
  canceled: { ...charged, paid: total, credited: 105_000 },
  rejected: noMoney,
  archived: { ...charged, paid: total, credited: 105_000 },
};

/** A CPM, a CPC and a CPD line item, as an order in `status` would hold them. */
export function orderIn(status: OrderStatus, overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  const liStatus = lineItemStatusIn[status];
  const reserved = holdsReservations.includes(status);
  const delivered = liStatus === "pending" || liStatus === "ready" ? 0 : 1;
  return {
    status,
    statusBeforeArchive: status === "archived" ? "canceled" : null,
    started: false,
    advertiserMayPause: true,
    money: moneyIn[status],
    lineItems: [
      {
        id: 1,
        status: liStatus,
        model: "cpm",
        quantity: 100_000,
        delivered: delivered * 40_000,
        amount: 50_000,
        reserved,
      },
      {
        id: 2,
        status: liStatus,
        model: "cpc",
        quantity: 1_000,
        delivered: delivered * 250,
        amount: 20_000,
        reserved: false,
      },
      {
        id: 3,
        status: liStatus,
        model: "cpd",
        quantity: 30,
        delivered: delivered * 10,
        amount: 90_000,
        reserved,
      },
    ],
    ...overrides,
  };
}

export function lineItem(overrides: Partial<LineItemSnapshot> = {}): LineItemSnapshot {
  return {
    id: 7,
    status: "delivering",
    model: "cpm",
    quantity: 10_000,
    delivered: 2_500,
    amount: 8_000,
    reserved: true,
    ...overrides,
  };
}
