import type { CalendarDay } from "@/lib/core/days";
import type { OrderStatus, PricingModel } from "./catalog";
import type { ReservationRow, ZoneRef } from "./inventory";

export type OrderSource = "manual" | "self_serve" | "api" | "recurring";
export type LineStatus = "pending" | "ready" | "delivering" | "paused" | "completed" | "canceled";
export type Priority = "very_low" | "low" | "normal" | "high" | "very_high" | "exclusive";
export type CreativeWish = "approved" | "pending" | "rejected" | "none";

/** Who did something: a user by email (resolved to an id when inserting), the system or the API. */
export type SeedActor = { kind: "user"; email: string } | { kind: "system" } | { kind: "api" };

/** One day of a seeded line item's delivery, before it is written to delivery_daily. */
export type PlannedDeliveryDay = {
  day: CalendarDay;
  impressions: number;
  clicks: number;
  conversions: number;
  uniques: number;
};

export type LinePlan = {
  zone: ZoneRef;
  countries: string[];
  startDate: CalendarDay;
  endDate: CalendarDay;
  model: PricingModel;
  rate: number;
  quantity: number;
  amount: number;
  dailyCap: number | null;
  priority: Priority;
  status: LineStatus;
  /** Day the line stopped delivering (paused or canceled), if it did before its end. */
  stopDay: CalendarDay | null;
  cancelReason: string | null;
  canceledAt: Date | null;
  reservations: ReservationRow[];
  delivery: PlannedDeliveryDay[];
  deliveredImpressions: number;
  deliveredClicks: number;
  /** Value of what was delivered, minor units (what a cancellation does not credit back). */
  deliveredValue: number;
  creative: CreativeWish;
};

export type EventPlan = {
  type: string;
  from: OrderStatus | null;
  to: OrderStatus | null;
  actor: SeedActor;
  at: Date;
  payload: Record<string, unknown>;
};

export type QuotePlan = {
  price: number;
  plan: string;
  terms: string;
  expiresAt: Date;
  estimatedCompletion: CalendarDay;
  status: "sent" | "accepted" | "declined" | "expired";
  createdBy: string;
  createdAt: Date;
};

export type MessagePlan = { author: string; body: string; at: Date };

export type OrderPlan = {
  publisher: number;
  advertiser: number;
  property: number;
  name: string;
  source: OrderSource;
  status: OrderStatus;
  /** The status an archived order had; the status itself otherwise. */
  baseStatus: OrderStatus;
  statusBeforeArchive: OrderStatus | null;
  lines: LinePlan[];
  total: number;
  startDate: CalendarDay;
  endDate: CalendarDay;
  createdAt: Date;
  lastActivityAt: Date;
  archivedAt: Date | null;
  createdBy: string | null;
  salesManager: string | null;
  reviewer: string;
  advertiserUser: string;
  brief: string | null;
  prepayRequired: boolean;
  paymentTermsDays: number;
  partialPayments: boolean;
  events: EventPlan[];
  quote: QuotePlan | null;
  messages: MessagePlan[];
  /** When the order was approved (and charged), if it ever was. */
  approvedAt: Date | null;
  canceledAt: Date | null;
};
